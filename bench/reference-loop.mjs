// The reference loop: the fastest honest M/M/c/K this repository knows how to write in plain JavaScript,
// without the model's generality. `npm run bench` prints the real simulator's speed as a ratio to it.
// Honest means it does the same work per message as the product's plain path: the same RNG family
// (seedrandom xor4096, one stream for arrivals and one for service) and the same ziggurat exponential
// sampler, a typed-array event
// heap, FIFO waiting room, loss when full, and every sojourn recorded in a log-bucket histogram.
// test/bench/reference-loop.test.ts checks its answers against M/M/c/K theory, so it cannot cheat.
//
//   node bench/reference-loop.mjs [scenario.yaml] [--duration 200000s] [--seed 1] [--json]
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import seedrandom from 'seedrandom';
import { parse } from 'yaml';

// Log-bucket histogram as in src/metrics/log-histogram.ts: 128 sub-buckets per power of two, 2^-30…2^40 s.
const SUB_BUCKET_BITS = 7;
const MIN_EXPONENT = -30;
const MAX_EXPONENT = 40;
const BUCKET_COUNT = (MAX_EXPONENT - MIN_EXPONENT) << SUB_BUCKET_BITS;
const FIRST_INDEX = (MIN_EXPONENT + 1023) << SUB_BUCKET_BITS;
const SMALLEST = 2 ** MIN_EXPONENT;

/**
 * seedrandom's xor4096 (Brent), seeded by seedrandom itself and then stepped here over an Int32Array: the
 * same numbers as the product's RandomStream (`nextUint32()` is `int32() >>> 0`, `next()` is `.double()`),
 * without the property lookups. Returns both draws over the one state.
 */
export function xor4096Stream(seedText) {
  const seeded = seedrandom.xor4096(seedText, { state: true }).state();
  const X = Int32Array.from(seeded.X);
  let i = seeded.i;
  let w = seeded.w;
  const int32 = () => {
    w = (w + 0x61c88647) | 0;
    let v = X[(i + 34) & 127];
    i = (i + 1) & 127;
    let t = X[i];
    v ^= v << 13;
    t ^= t << 17;
    v ^= v >>> 15;
    t ^= t >>> 12;
    v = X[i] = v ^ t;
    return (v + (w ^ (w >>> 16))) | 0;
  };
  const double = () => {
    for (;;) {
      const top = int32() >>> 11;
      const bottom = (int32() >>> 0) / 0x100000000;
      const result = (top + bottom) / (1 << 21);
      if (result !== 0) return result;
    }
  };
  return { int32, double };
}

/** 53-bit uniform doubles from seedrandom's xor4096, as the product's RandomStream.next(). */
export function xor4096Doubles(seedText) {
  return xor4096Stream(seedText).double;
}

// The product's exponential sampler (src/engine/distributions/exponential-ziggurat.ts, Marsaglia & Tsang
// 2000): 256 equal-area layers, one 32-bit draw and no logarithm for about 99 % of draws. The same tables,
// built the same way, so the reference does no less and no more work per draw than the product.
const LAYERS = 256;
const ZIGGURAT_SCALE = 2 ** 24;
const ZIGGURAT_R = 7.69711747013105;
const ZIGGURAT_AREA = 3.949659822581572e-3;
const edgeTests = new Uint32Array(LAYERS);
const widths = new Float64Array(LAYERS);
const heights = new Float64Array(LAYERS);
{
  let x = ZIGGURAT_R;
  let previous = ZIGGURAT_R;
  const q = ZIGGURAT_AREA / Math.exp(-x);
  edgeTests[0] = Math.floor((x / q) * ZIGGURAT_SCALE);
  edgeTests[1] = 0;
  widths[0] = q / ZIGGURAT_SCALE;
  widths[LAYERS - 1] = x / ZIGGURAT_SCALE;
  heights[0] = 1;
  heights[LAYERS - 1] = Math.exp(-x);
  for (let i = LAYERS - 2; i >= 1; i--) {
    x = -Math.log(ZIGGURAT_AREA / x + Math.exp(-x));
    edgeTests[i + 1] = Math.floor((x / previous) * ZIGGURAT_SCALE);
    previous = x;
    heights[i] = Math.exp(-x);
    widths[i] = x / ZIGGURAT_SCALE;
  }
}

/** A function drawing standard exponentials (mean 1) by the ziggurat from a xor4096 stream named `seedText`. */
export function exponentialStream(seedText) {
  const { int32, double } = xor4096Stream(seedText);
  const slowPath = (layer, position) => {
    for (;;) {
      if (layer === 0) return ZIGGURAT_R - Math.log(1 - double());
      const x = position * widths[layer];
      if (heights[layer] + double() * (heights[layer - 1] - heights[layer]) < Math.exp(-x)) return x;
      const bits = int32() >>> 0;
      layer = bits & (LAYERS - 1);
      position = bits >>> 8;
      if (position < edgeTests[layer]) return position * widths[layer];
    }
  };
  return () => {
    const bits = int32() >>> 0;
    const layer = bits & (LAYERS - 1);
    const position = bits >>> 8;
    if (position < edgeTests[layer]) return position * widths[layer];
    return slowPath(layer, position);
  };
}

/** The p-quantile of a log-bucket histogram by nearest rank (bucket midpoint); NaN when empty. */
export function histogramQuantile(counts, zeros, total, p) {
  if (total === 0) return NaN;
  const rank = Math.max(1, Math.ceil(p * total));
  let seen = zeros;
  if (seen >= rank) return 0;
  for (let index = 0; index < BUCKET_COUNT; index++) {
    seen += counts[index];
    if (seen < rank) continue;
    const exponent = (index >> SUB_BUCKET_BITS) + MIN_EXPONENT;
    const sub = index & ((1 << SUB_BUCKET_BITS) - 1);
    const lower = 2 ** exponent * (1 + sub / (1 << SUB_BUCKET_BITS));
    return lower + 2 ** exponent / (1 << (SUB_BUCKET_BITS + 1));
  }
  return NaN;
}

/**
 * Simulates M/M/c/K for `durationSeconds` from an empty system. `capacity` is the waiting room (as the
 * scenario's queue `capacity`), so K = servers + capacity. Returns counts, throughput, loss, mean sojourn,
 * p99 sojourn (accepted messages that completed) and the loop's own wall time.
 */
export function simulateMmck({ arrivalRate, serviceMean, servers, capacity, durationSeconds, seed }) {
  const arrivalExponential = exponentialStream(`${seed}/arrivals`);
  const serviceExponential = exponentialStream(`${seed}/service`);
  const arrivalMean = 1 / arrivalRate;
  // Event heap over typed arrays: at most one pending arrival plus one completion per server.
  const size = servers + 1;
  const heapTime = new Float64Array(size);
  const heapBorn = new Float64Array(size); // a completion's message arrival time; -1 marks the arrival event
  let heapLength = 0;
  // FIFO waiting room as a ring buffer of arrival times.
  const ring = new Float64Array(Math.max(1, capacity));
  let ringHead = 0;
  let waiting = 0;
  let busy = 0;
  const counts = new Float64Array(BUCKET_COUNT);
  const bits = new Float64Array(1);
  const highWord = new Uint32Array(bits.buffer, 4, 1);
  let zeros = 0;
  let sojournSum = 0;
  let arrivals = 0;
  let lost = 0;
  let completed = 0;
  let events = 0;

  const push = (time, born) => {
    let i = heapLength++;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (heapTime[parent] <= time) break;
      heapTime[i] = heapTime[parent];
      heapBorn[i] = heapBorn[parent];
      i = parent;
    }
    heapTime[i] = time;
    heapBorn[i] = born;
  };
  const popInto = () => {
    // Removes the root; the caller has read heapTime[0] and heapBorn[0] already.
    const last = --heapLength;
    const time = heapTime[last];
    const born = heapBorn[last];
    let i = 0;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= last) break;
      if (child + 1 < last && heapTime[child + 1] < heapTime[child]) child++;
      if (heapTime[child] >= time) break;
      heapTime[i] = heapTime[child];
      heapBorn[i] = heapBorn[child];
      i = child;
    }
    heapTime[i] = time;
    heapBorn[i] = born;
  };
  const startService = (now, born) => {
    busy++;
    push(now + serviceExponential() * serviceMean, born);
  };

  const started = process.hrtime.bigint();
  push(arrivalExponential() * arrivalMean, -1);
  for (;;) {
    const now = heapTime[0];
    if (now >= durationSeconds) break;
    const born = heapBorn[0];
    popInto();
    events++;
    if (born < 0) {
      arrivals++;
      push(now + arrivalExponential() * arrivalMean, -1);
      if (busy < servers) startService(now, now);
      else if (waiting < capacity) {
        let tail = ringHead + waiting++;
        if (tail >= ring.length) tail -= ring.length;
        ring[tail] = now;
      } else lost++;
      continue;
    }
    completed++;
    busy--;
    const sojourn = now - born;
    sojournSum += sojourn;
    if (sojourn < SMALLEST) zeros++;
    else {
      bits[0] = sojourn;
      let index = (highWord[0] >>> (20 - SUB_BUCKET_BITS)) - FIRST_INDEX;
      if (index >= BUCKET_COUNT) index = BUCKET_COUNT - 1;
      counts[index]++;
    }
    if (waiting > 0) {
      const next = ring[ringHead];
      if (++ringHead === ring.length) ringHead = 0;
      waiting--;
      startService(now, next);
    }
  }
  const loopSeconds = Number(process.hrtime.bigint() - started) / 1e9;
  return {
    arrivals,
    accepted: arrivals - lost,
    lost,
    completed,
    events,
    throughput: completed / durationSeconds,
    lossRate: arrivals > 0 ? lost / arrivals : 0,
    meanSojourn: completed > 0 ? sojournSum / completed : NaN,
    p99Sojourn: histogramQuantile(counts, zeros, completed, 0.99),
    loopSeconds,
    messagesPerSecond: arrivals / loopSeconds,
    eventsPerSecond: events / loopSeconds,
  };
}

/** Seconds from a scenario duration such as `200000s`, `100ms`, `2h` (the units the bench files use). */
export function parseSeconds(text) {
  const match = /^\s*([0-9.e+]+)\s*(ms|s|m|h)?\s*$/.exec(String(text));
  if (!match) throw new Error(`reference loop: cannot read the duration ${text}`);
  const unit = { ms: 0.001, s: 1, m: 60, h: 3600 }[match[2] ?? 's'];
  return Number(match[1]) * unit;
}

/** Per-second rate from a scenario rate such as `25/s` or `90/m`. */
export function parseRate(text) {
  const match = /^\s*([0-9.e+]+)\s*\/\s*(s|m|h)\s*$/.exec(String(text));
  if (!match) throw new Error(`reference loop: cannot read the rate ${text}`);
  return Number(match[1]) / { s: 1, m: 60, h: 3600 }[match[2]];
}

/** The M/M/c/K parameters of a one-producer, one-queue exponential scenario such as bench/mm2-10.yaml. */
export function readMmckScenario(file) {
  const scenario = parse(readFileSync(file, 'utf8'));
  const queue = scenario.queues[0];
  if (scenario.producers.length !== 1 || scenario.queues.length !== 1) {
    throw new Error(`reference loop: ${file} is not one producer and one queue`);
  }
  if (queue.service.distribution !== 'exponential') {
    throw new Error(`reference loop: ${file} does not have exponential service`);
  }
  return {
    arrivalRate: parseRate(scenario.producers[0].rate),
    serviceMean: parseSeconds(queue.service.mean),
    servers: queue.consumers ?? 1,
    capacity: queue.capacity ?? 1e9,
    durationSeconds: parseSeconds(scenario.duration),
    seed: scenario.seed ?? 1,
  };
}

/** Command line: simulate the scenario (default bench/mm2-10.yaml) and print the results. */
function main(argv) {
  const option = (name) => {
    const at = argv.indexOf(name);
    return at >= 0 ? argv[at + 1] : undefined;
  };
  const positional = argv.find((arg, i) => !arg.startsWith('--') && !argv[i - 1]?.startsWith('--'));
  const file = positional ?? fileURLToPath(new URL('mm2-10.yaml', import.meta.url));
  const params = readMmckScenario(file);
  if (option('--duration')) params.durationSeconds = parseSeconds(option('--duration'));
  if (option('--seed')) params.seed = option('--seed');
  const result = simulateMmck(params);
  if (argv.includes('--json')) {
    console.log(JSON.stringify({ ...params, ...result }));
    return;
  }
  const m = (value) => `${(value / 1e6).toFixed(2)} M`;
  console.log(
    `reference M/M/${params.servers}/${params.servers + params.capacity}: ${m(result.arrivals)} messages ` +
      `in ${result.loopSeconds.toFixed(3)} s (${m(result.messagesPerSecond)} msg/s, ` +
      `${m(result.eventsPerSecond)} events/s); throughput ${result.throughput.toFixed(4)}/s, ` +
      `loss ${result.lossRate.toFixed(4)}, mean sojourn ${result.meanSojourn.toFixed(4)} s, ` +
      `p99 ${result.p99Sojourn.toFixed(4)} s`,
  );
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main(process.argv.slice(2));
