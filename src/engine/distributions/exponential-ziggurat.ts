import type { RandomStream } from '../random.js';

/**
 * Standard exponential variates by the ziggurat method (Marsaglia & Tsang 2000, "The Ziggurat Method for
 * Generating Random Variables", J. Stat. Softw. 5(8)): 256 layers of equal area; about 99 % of draws need
 * one 32-bit random integer, a comparison and a multiplication — no logarithm. The layer index comes from
 * the low 8 bits and the position within the layer from the other 24, so the two are independent
 * (Doornik 2005's caution about reusing the same bits).
 */

const LAYERS = 256;
const SCALE = 2 ** 24; // resolution of the position within a layer
const R = 7.69711747013105; // start of the tail
const AREA = 3.949659822581572e-3; // area of each layer

const edgeTests = new Uint32Array(LAYERS); // k[i]: accept at once when the 24-bit position is below it
const widths = new Float64Array(LAYERS); // w[i]: x-width of a layer per position unit
const heights = new Float64Array(LAYERS); // f[i] = exp(−x[i])

{
  let x = R;
  let previous = R;
  const q = AREA / Math.exp(-x);
  edgeTests[0] = Math.floor((x / q) * SCALE);
  edgeTests[1] = 0;
  widths[0] = q / SCALE;
  widths[LAYERS - 1] = x / SCALE;
  heights[0] = 1;
  heights[LAYERS - 1] = Math.exp(-x);
  for (let i = LAYERS - 2; i >= 1; i--) {
    x = -Math.log(AREA / x + Math.exp(-x));
    edgeTests[i + 1] = Math.floor((x / previous) * SCALE);
    previous = x;
    heights[i] = Math.exp(-x);
    widths[i] = x / SCALE;
  }
}

/** One draw from the exponential distribution with mean 1. */
export function standardExponential(random: RandomStream): number {
  const bits = random.nextUint32();
  const layer = bits & (LAYERS - 1);
  const position = bits >>> 8;
  if (position < edgeTests[layer]) return position * widths[layer];
  return slowPath(random, layer, position);
}

/** The rare cases: the tail beyond R, or a point near a layer's curved edge. */
function slowPath(random: RandomStream, layer: number, position: number): number {
  for (;;) {
    // The base layer's overhang is the tail: R plus a fresh exponential (memorylessness).
    if (layer === 0) return R - Math.log(random.nextOpen());
    const x = position * widths[layer];
    if (heights[layer] + random.next() * (heights[layer - 1] - heights[layer]) < Math.exp(-x)) return x;
    const bits = random.nextUint32();
    layer = bits & (LAYERS - 1);
    position = bits >>> 8;
    if (position < edgeTests[layer]) return position * widths[layer];
  }
}
