/** What `queuesim fit` tells the user about its input, in one place (as scenario/messages.ts does for scenarios). */

/** The fewest values a fit is attempted with. */
export const MIN_VALUES = 10;

export const emptyValue = (column: string) => `empty value in column ${column}`;

export const notADuration = (text: string, column: string, unit: string) =>
  `column ${column}: expected a duration (a number of ${unit}, or with a unit such as 25ms), got "${text}"`;

export const notATimestamp = (text: string, column: string) =>
  `column ${column}: expected a timestamp (ISO-8601 such as 2026-11-27T05:08:30.125Z, or epoch milliseconds), got "${text}"`;

export const negativeDuration = (text: string) =>
  `negative duration ${text}: service and inter-arrival times cannot be negative (0 is allowed: on a grid such as whole ms it is read as rounded; otherwise it rules out the lognormal, gamma, Erlang and Weibull fits)`;

export const missingColumn = (column: string, found: number) =>
  `this row has ${found} column${found === 1 ? '' : 's'}; column ${column} is missing`;

export const noNumericColumn = (cells: string) =>
  `no column of this row holds a number (${cells}); name one with --column`;

export const unknownColumnName = (name: string, header: string[], suggestion: string | undefined) =>
  `no column named '${name}'${suggestion ? ` (did you mean '${suggestion}'?)` : ''}; the header has ${header.map((h) => `'${h}'`).join(', ')}`;

export const columnNameWithoutHeader = (name: string) =>
  `--column ${name}: the file has no header row (its first row holds values), so give the column by number, e.g. --column 2`;

export const columnIndexOutOfRange = (index: number, count: number) =>
  `--column ${index}: the file has ${count} column${count === 1 ? '' : 's'} (columns are numbered from 1)`;

export const tooFewValues = (count: number, what: string) =>
  `only ${count} ${what}; a fit needs at least ${MIN_VALUES} (and a few hundred to tell families apart)`;

export const moreProblems = (count: number) => `… and ${count} more rows like these`;

export const noValues = () => 'the file holds no values (only blank lines, comments or a header)';

export const unitHint = (column: string, unit: string) =>
  `column ${column} looks like it holds ${unit === 'ms' ? 'milliseconds' : 'microseconds'}, but plain numbers were read as seconds; pass --unit ${unit} if so`;

export const sortedTimestamps = (count: number) =>
  `${count} timestamp${count === 1 ? ' was' : 's were'} earlier than the one before; the timestamps were sorted before taking intervals`;
