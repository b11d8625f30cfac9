/**
 * Numbers with thousands separators, as `toLocaleString('en-US')` writes them, without ICU where that is
 * exact: the first locale-aware call initialises ICU's number formatting, ~25 ms of a command's start-up
 * (the run-size limit in `run`'s option help, a short-run warning, every count in a table).
 */

/** Plain decimals that ICU's en-US format writes digit for digit: no exponent, at most 3 decimals. */
const PLAIN_DECIMAL = /^-?(\d+)(\.\d{1,3})?$/;

/** `value` with commas: 1234567 → "1,234,567", 0.35 → "0.35"; exactly `value.toLocaleString('en-US')`. */
export function groupThousands(value: number): string {
  const text = String(value);
  const plain = PLAIN_DECIMAL.exec(text);
  // ICU writes the shortest decimal that reads back as the double, as String() does, rounded to 3
  // decimals. Beyond that (an exponent, a 4th decimal, 2^53 and above), and for −0, ask ICU.
  if (plain === null || Object.is(value, -0) || Math.abs(value) >= 2 ** 53)
    return value.toLocaleString('en-US');
  const digits = plain[1]!;
  const head = digits.length % 3 || 3;
  let grouped = digits.slice(0, head);
  for (let at = head; at < digits.length; at += 3) grouped += `,${digits.slice(at, at + 3)}`;
  return `${value < 0 ? '-' : ''}${grouped}${plain[2] ?? ''}`;
}
