/**
 * Writes scenarios/traces/monday.csv, the trace `scenarios/trace-replay.yaml` replays: one hour of orders
 * (Monday 09:00–10:00 UTC) whose rate ramps from 0.5/s to 1.5/s, with a type per order. Poisson arrivals
 * drawn by thinning (Lewis & Shedler 1979) from a fixed seed, so the file is reproducible:
 * `npx tsx scripts/make-trace.ts`.
 */
import { writeFileSync } from 'node:fs';
import seedrandom from 'seedrandom';

const START_MS = Date.UTC(2026, 10, 23, 9, 0, 0);
const HOUR_SECONDS = 3600;
const RATE_FROM = 0.5;
const RATE_TO = 1.5;
const TYPES = [
  { type: 'order_placed', share: 0.85 },
  { type: 'vip_order', share: 0.1 },
  { type: 'order_cancelled', share: 0.05 },
];

const random = seedrandom.alea('monday-trace');
const rateAt = (t: number) => RATE_FROM + ((RATE_TO - RATE_FROM) * t) / HOUR_SECONDS;
const lines = ['timestamp,type'];
let t = 0;
for (;;) {
  t += -Math.log(1 - random.double()) / RATE_TO;
  if (t >= HOUR_SECONDS) break;
  if (random.double() * RATE_TO > rateAt(t)) continue; // thinned: accepted with probability rate(t)/max
  let u = random.double();
  const { type } = TYPES.find(({ share }) => (u -= share) < 0) ?? TYPES[0];
  lines.push(`${new Date(START_MS + Math.round(t * 1000)).toISOString()},${type}`);
}
const file = new URL('../scenarios/traces/monday.csv', import.meta.url);
writeFileSync(file, `${lines.join('\n')}\n`);
console.log(`${lines.length - 1} records → ${file.pathname}`);
