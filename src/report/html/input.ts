import type { RunResult } from '../../model/run-result.js';
import type { Topology } from '../../model/topology.js';

/**
 * Everything an HTML report shows: the run's result (with each queue's analytic estimate in
 * `queues.*.analytic`, as `queuesim run` fills it in) and what the CLI knows about the run.
 */
export interface ReportInput {
  result: RunResult;
  /** Producers → exchanges → queues → consumers, with routes and offered rates, for the diagram. */
  topology: Topology;
  /** The scenario's description (free text). */
  description: string;
  /** The scenario file as written, shown collapsed at the bottom so the run can be reproduced. */
  scenarioSource?: { path: string; text: string };
  /** The queuesim version that ran. */
  version: string;
  /** When the run happened (shown in the header; the only non-deterministic part of a report). */
  generatedAt: Date;
}
