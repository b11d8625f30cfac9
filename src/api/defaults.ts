/** Defaults the library and the command line share; light on purpose, since `--help` loads it. */

/** Replications when neither the first scenario nor the caller says: enough for a paired CI. */
export const DEFAULT_COMPARE_REPLICATIONS = 5;
