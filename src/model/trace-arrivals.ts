import type { RandomStream } from '../engine/index.js';
import type { ArrivalProcess } from './arrival-process.js';
import type { TraceSpec } from '../scenario/types.js';
import { RECORD, END, TraceReader, type ReadStatus } from '../trace/index.js';
import type { TypeSource } from './producer.js';
import type { Clock } from './scheduled-arrivals.js';

/**
 * Gaps of a replayed trace: record k of cycle c arrives at (c·period + (t_k − t_first)) / speedup, read from
 * the file as the simulation goes (bounded memory, whatever the trace's size). It draws no random numbers,
 * so every replication replays the same arrivals. Equal timestamps arrive together, in file order. When a
 * `block` queue held the producer past a record's time, that record is published as soon as it resumes.
 *
 * Also the producer's TypeSource: `type` is the type of the record the last gap leads to (-1 when the record
 * has none and the producer's mix decides). A strategy chosen at build time: other producers pay nothing.
 * `meanGapSeconds` is the mean gap at the trace's mean rate (for summaries only).
 */
export class TraceArrivals implements ArrivalProcess, TypeSource {
  readonly meanGapSeconds: number;
  readonly label: string;
  type = -1;
  priority = 0;
  private reader: TraceReader;
  private cycle = 0;
  private finished = false;
  /** One cycle of the loop, trace milliseconds: the span and one mean gap. */
  private readonly periodMs: number;
  /** Seconds of simulated time per trace millisecond. */
  private readonly scale: number;
  /** The network's index and priority of each type the trace names. */
  private readonly typeIndex: Map<string, { index: number; priority: number }>;

  constructor(
    private readonly spec: TraceSpec,
    private readonly clock: Clock,
    typeOf: (name: string) => number,
    priorityOf: ReadonlyMap<string, number>,
  ) {
    this.reader = this.open();
    const spanMs = spec.spanSeconds * 1000;
    this.periodMs = spanMs + spanMs / (spec.records - 1);
    this.scale = 1 / (1000 * spec.speedup);
    this.meanGapSeconds = spec.spanSeconds / (spec.records - 1) / spec.speedup;
    this.label = `trace replay (mean rate ${Number((1 / this.meanGapSeconds).toPrecision(3))}/s)`;
    this.typeIndex = new Map(
      spec.typeShares.map(({ type }) => [type, { index: typeOf(type), priority: priorityOf.get(type) ?? 0 }]),
    );
  }

  /** Time from now to the next record's arrival; Infinity after the last record (without loop). */
  nextGap(_random: RandomStream): number {
    if (this.finished) return Infinity;
    let status = this.nextReplayed();
    if (status === END && this.spec.loop) {
      this.cycle++;
      this.reader = this.open();
      status = this.nextReplayed();
    }
    if (status === END) {
      this.finished = true;
      this.type = -1;
      return Infinity;
    }
    if (status !== RECORD) {
      // The pre-pass at load read this file without a problem: it changed since.
      throw new Error(
        `trace ${this.spec.path}: line ${this.reader.line} cannot be read any more (changed since loading?)`,
      );
    }
    const reader = this.reader;
    const at = (this.cycle * this.periodMs + (reader.timeMs - this.spec.firstMs)) * this.scale;
    const named = reader.type === null ? undefined : this.typeIndex.get(reader.type);
    this.type = named === undefined ? -1 : named.index;
    this.priority = named === undefined ? 0 : named.priority;
    const gap = at - this.clock.now;
    return gap > 0 ? gap : 0;
  }

  /** The next record at or after time 0 (records before a `start` are skipped). */
  private nextReplayed(): ReadStatus {
    let status = this.reader.next();
    while (status === RECORD && this.reader.timeMs < this.spec.firstMs) status = this.reader.next();
    return status;
  }

  private open(): TraceReader {
    return new TraceReader(
      this.spec.path,
      this.spec.format,
      this.spec.column === null ? {} : { column: this.spec.column },
    );
  }
}
