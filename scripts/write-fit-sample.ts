/**
 * Writes scenarios/samples/service-times.csv, the example input of `queuesim fit`: 2 000 requests arriving
 * as a Poisson stream of 40/s, each with a lognormal service time (mean 40ms, cv 0.8), drawn with the
 * simulator's own samplers at a fixed seed. `npx tsx scripts/write-fit-sample.ts`.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { ExponentialDistribution, LognormalDistribution } from '../src/engine/distributions/index.js';
import { RandomStream } from '../src/engine/random.js';

const ROWS = 2000;
const START_MS = Date.UTC(2026, 10, 27, 9, 0, 0);

const interarrival = new ExponentialDistribution(1 / 40);
const service = new LognormalDistribution(0.04, 0.8);
const arrivals = new RandomStream(7, 'sample/arrivals');
const services = new RandomStream(7, 'sample/service');

const lines = [
  '# Observed requests: arrival time and service time (generated; see scripts/write-fit-sample.ts)',
];
lines.push('timestamp,service_ms');
let seconds = 0;
for (let i = 0; i < ROWS; i++) {
  seconds += interarrival.sample(arrivals);
  // Microsecond resolution, as a tracing system would log them.
  const micros = Math.round(seconds * 1e6);
  const stamp = new Date(START_MS + Math.floor(micros / 1000)).toISOString().replace('Z', '');
  const iso = `${stamp}${String(micros % 1000).padStart(3, '0')}Z`;
  lines.push(`${iso},${(service.sample(services) * 1e3).toFixed(3)}`);
}

const target = new URL('../scenarios/samples/service-times.csv', import.meta.url);
await mkdir(new URL('.', target), { recursive: true });
await writeFile(target, lines.join('\n') + '\n');
console.log(`wrote ${target.pathname}`);
