/** What every importer hands on: settings with the source of each, and small helpers over plain data. */
import type { Path } from '../scenario/positions.js';

/** One written setting: where it goes under `autoscale:`, its value, and the comment naming its source. */
export interface ImportedSetting {
  path: Array<string | number>;
  value: unknown;
  comment: string;
  /** True for what no ScaledObject says (cluster flags, pod start-up): a default to check, or keep. */
  fromCluster?: boolean;
}

/** A mapping read from YAML or JSON. */
export type Obj = Record<string, unknown>;

/** True for a mapping (not a list, not null). */
export const isObject = (value: unknown): value is Obj =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Records a located error at `path`. */
export type ErrorFn = (path: Path, message: string) => void;
