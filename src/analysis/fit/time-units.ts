// A leaf: the command line's option help lists these without loading the fitting code.
/** Units a plain number in the file may be declared in (`m` is minutes, as in scenarios). */
export const TIME_UNITS = ['us', 'ms', 's', 'm', 'min', 'h'] as const;
export type TimeUnit = (typeof TIME_UNITS)[number];
