// Types for bench/reference-loop.mjs, so the TypeScript test can import it under `strict`.

/** The M/M/c/K parameters: `capacity` is the waiting room, K = servers + capacity. */
export interface MmckParameters {
  arrivalRate: number;
  serviceMean: number;
  servers: number;
  capacity: number;
  durationSeconds: number;
  seed: number | string;
}

/** What one run of the reference loop reports. */
export interface ReferenceResult {
  arrivals: number;
  accepted: number;
  lost: number;
  completed: number;
  events: number;
  throughput: number;
  lossRate: number;
  meanSojourn: number;
  p99Sojourn: number;
  loopSeconds: number;
  messagesPerSecond: number;
  eventsPerSecond: number;
}

/** seedrandom's xor4096 stepped over an Int32Array: a function returning 53-bit uniform doubles. */
export function xor4096Doubles(seedText: string): () => number;
/** seedrandom's xor4096 over an Int32Array: signed 32-bit integers and 53-bit doubles from one state. */
export function xor4096Stream(seedText: string): { int32: () => number; double: () => number };
/** Standard exponentials by the product's ziggurat sampler over a xor4096 stream. */
export function exponentialStream(seedText: string): () => number;
/** Nearest-rank p-quantile of a log-bucket histogram. */
export function histogramQuantile(counts: Float64Array, zeros: number, total: number, p: number): number;
/** Simulates M/M/c/K from an empty system. */
export function simulateMmck(params: MmckParameters): ReferenceResult;
/** Seconds from `200000s`, `100ms`, `2h`. */
export function parseSeconds(text: string): number;
/** Per-second rate from `25/s`. */
export function parseRate(text: string): number;
/** The M/M/c/K parameters of a one-producer, one-queue exponential scenario file. */
export function readMmckScenario(file: string): MmckParameters;
