/**
 * Parameter guards and label formatting shared by the distribution classes.
 * The scenario layer validates user input; these guards catch programming errors, so they throw plain Errors.
 */

/** Throws unless `value` is a finite number ≥ 0. */
export function assertNonNegative(family: string, name: string, value: number): void {
  if (!(Number.isFinite(value) && value >= 0)) {
    throw new Error(`${family}: ${name} must be a finite number ≥ 0, got ${String(value)}`);
  }
}

/** Throws unless `value` is a finite number > 0. */
export function assertPositive(family: string, name: string, value: number): void {
  if (!(Number.isFinite(value) && value > 0)) {
    throw new Error(`${family}: ${name} must be a finite number > 0, got ${String(value)}`);
  }
}

/** Throws unless `value` is a finite number (any sign). */
export function assertFinite(family: string, name: string, value: number): void {
  if (!Number.isFinite(value)) {
    throw new Error(`${family}: ${name} must be a finite number, got ${String(value)}`);
  }
}

/** A dimensionless number with at most 4 significant digits, e.g. "1.5". */
export function formatNumber(value: number): string {
  return String(Number(value.toPrecision(4)));
}

/** A duration in seconds shown with a readable SI unit, e.g. "60ms", "1.5s", "250µs". */
export function formatSeconds(seconds: number): string {
  const magnitude = Math.abs(seconds);
  if (magnitude === 0 || magnitude >= 1) return `${formatNumber(seconds)}s`;
  if (magnitude >= 1e-3) return `${formatNumber(seconds * 1e3)}ms`;
  if (magnitude >= 1e-6) return `${formatNumber(seconds * 1e6)}µs`;
  return `${formatNumber(seconds * 1e9)}ns`;
}
