import type { AnalyticEstimate } from '../../analysis/analytic-estimates.js';
import type { RunResult } from '../../model/run-result.js';
import type { Topology } from '../../model/topology.js';

/** Everything an HTML report shows: the run's result and what the CLI knows about the run. */
export interface ReportInput {
  result: RunResult;
  /** Producers → queues → consumers, with offered rates and service laws, for the diagram. */
  topology: Topology;
  /** The scenario's description (free text). */
  description: string;
  /** The scenario file as written, shown collapsed at the bottom so the run can be reproduced. */
  scenarioSource?: { path: string; text: string };
  /** Steady-state estimates from queueing theory, per queue name, where a closed form applies. */
  analytic?: Record<string, AnalyticEstimate>;
  /** The queuesim version that ran. */
  version: string;
  /** When the run happened (shown in the header; the only non-deterministic part of a report). */
  generatedAt: Date;
}
