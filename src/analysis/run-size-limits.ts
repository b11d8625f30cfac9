// The run-size thresholds, apart from the estimate itself so that the command line's option help can name
// them without loading the model.

/**
 * Events a second the engine handles on a typical scenario, on the 2-core machine queuesim is developed on
 * under load: long single runs of the scenarios/ examples measured 0.44–2.1 million (`run --profile`).
 */
export const TYPICAL_EVENTS_PER_SECOND = 1_000_000;

/** Above this estimate (10 minutes at the typical speed) a run needs `--yes`, or a `--time-budget`. */
export const CONFIRM_ABOVE_EVENTS = 600 * TYPICAL_EVENTS_PER_SECOND;
