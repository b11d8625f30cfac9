/**
 * The shared folder through which the shards of a search run in lockstep (`--exchange DIR`). A search
 * (headroom) has no unit list up front: each next load follows from the verdict at the last. So every shard
 * runs the same search; each run gets a number k from a counter over the whole search, shard i of N
 * simulates the runs with k mod N = i − 1 and writes each outcome to `DIR/<job id>/<k>.json` (atomically),
 * and waits for the others' files. With every outcome of a step in hand, every shard reaches the same
 * verdict and picks the same next load.
 *
 * Each file carries a hash of its run's task (kind, replication index, scenario at that load): a file
 * whose hash differs from the one this shard expects means the shards no longer run the same search, an
 * error rather than a silent mix. A shard that restarts (a Kubernetes pod retry) finds its earlier files
 * and reuses them. Waiting polls the folder every 200 ms (fs.watch, which does not see other machines'
 * writes on NFS and similar volumes, only makes a look come sooner on a local disk) and gives up after `timeoutSeconds` without a new file, naming what is missing.
 */
import { createHash } from 'node:crypto';
import { watch, type FSWatcher } from 'node:fs';
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { commandLineError } from '../api/option-values.js';
import { writeFileAtomic } from './atomic-write.js';
import { decodeValue, encodeValue } from './part-file.js';
import type { Shard } from './shard.js';

/** How long a shard waits for a new run file before it gives up: an hour. */
export const DEFAULT_EXCHANGE_TIMEOUT_SECONDS = 3600;
/** How often a waiting shard looks at the folder. */
export const EXCHANGE_POLL_MS = 200;

/** A short hex hash of `value`'s JSON. */
export function hashOf(value: unknown): string {
  return createHash('sha256').update(JSON.stringify(value)).digest('hex').slice(0, 16);
}

export interface ExchangeOptions {
  /** `--exchange DIR`. */
  dir: string;
  /** Names the search: the same for every shard of one job, different for anything else. */
  jobId: string;
  shard: Shard;
  timeoutSeconds: number;
  pollMs?: number;
  /** Milliseconds; Date.now by default (tests pass their own). */
  now?: () => number;
}

/** One run's file: its outcome, or why the run failed (`error`, no `data`). */
interface RunFile {
  run: number;
  task: string;
  shard: string;
  data?: string;
  error?: string;
}

/** What a run file says: the run's outcome, or the error it failed with on its shard. */
export type RunFound = { outcome: unknown } | { error: string; shard: string };

interface Waiting {
  task: string;
  resolve: (outcome: unknown) => void;
  reject: (error: Error) => void;
}

/** The folder of one job, opened by one shard. */
export class Exchange {
  readonly folder: string;
  private readonly waiting = new Map<number, Waiting>();
  private lastNew: number;
  private timer: NodeJS.Timeout | null = null;
  private polling = false;
  /** A change was seen while a look was under way: look again at once. */
  private again = false;
  private watcher: FSWatcher | null = null;
  private readonly now: () => number;

  private constructor(private readonly options: ExchangeOptions) {
    this.folder = join(options.dir, options.jobId);
    this.now = options.now ?? Date.now;
    this.lastNew = this.now();
  }

  /** Creates the job's folder if no shard has yet. */
  static async open(options: ExchangeOptions): Promise<Exchange> {
    const exchange = new Exchange(options);
    await mkdir(exchange.folder, { recursive: true });
    try {
      // A hint only, to look sooner on a local disk; the polling alone is enough on every volume.
      exchange.watcher = watch(exchange.folder, () => exchange.schedule(0));
      exchange.watcher.on('error', () => exchange.watcher?.close());
      exchange.watcher.unref();
    } catch {
      exchange.watcher = null;
    }
    return exchange;
  }

  /** The shard that runs run `k`. */
  ownerOf(k: number): Shard {
    return { index: (k % this.options.shard.count) + 1, count: this.options.shard.count };
  }

  fileOf(k: number): string {
    return join(this.folder, `${k}.json`);
  }

  /** Run `k`'s outcome (or failure) if its file is there (checked against `task`), else null. */
  async read(k: number, task: string): Promise<RunFound | null> {
    let text: string;
    try {
      text = await readFile(this.fileOf(k), 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
    const file = parseRunFile(text, this.fileOf(k));
    if (file.run !== k || file.task !== task) {
      throw commandLineError(
        '--exchange',
        `shards diverged: ${this.fileOf(k)} holds run ${file.run} of task ${file.task} (written by shard ${file.shard}), ` +
          `but this shard's search needs run ${k} of task ${task}; the shards are not running the same search`,
      );
    }
    this.lastNew = this.now();
    if (file.data === undefined) return { error: file.error ?? 'failed', shard: file.shard };
    return { outcome: decodeValue(file.data) };
  }

  /** Writes run `k`'s outcome for the other shards. */
  async publish(k: number, task: string, outcome: unknown): Promise<void> {
    await this.write({ run: k, task, shard: this.shardName(), data: encodeValue(outcome) });
  }

  /**
   * Writes that run `k` failed, so that the other shards stop with the same error instead of waiting for
   * the timeout. A restarted shard runs it again (the failure may have been the machine's).
   */
  async publishFailure(k: number, task: string, error: Error): Promise<void> {
    await this.write({ run: k, task, shard: this.shardName(), error: error.message });
  }

  private async write(file: RunFile): Promise<void> {
    await writeFileAtomic(this.fileOf(file.run), `${JSON.stringify(file)}\n`);
    this.lastNew = this.now();
  }

  private shardName(): string {
    return `${this.options.shard.index}/${this.options.shard.count}`;
  }

  /** Run `k`'s outcome, once another shard has written it. */
  wait(k: number, task: string): Promise<unknown> {
    return new Promise((resolve, reject) => {
      this.waiting.set(k, { task, resolve, reject });
      this.schedule(0);
    });
  }

  /** Stops waiting (after a failure elsewhere): the pending waits are rejected with `error`. */
  close(error: Error = new Error('exchange closed')): void {
    this.watcher?.close();
    this.watcher = null;
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    for (const waiting of this.waiting.values()) waiting.reject(error);
    this.waiting.clear();
  }

  /** Looks at the folder after `delay` ms (at once when `delay` is 0), unless a look is already due sooner. */
  private schedule(delay: number): void {
    if (this.waiting.size === 0) return;
    if (this.polling) {
      this.again ||= delay === 0;
      return;
    }
    if (this.timer !== null) {
      if (delay > 0) return;
      clearTimeout(this.timer);
    }
    this.timer = setTimeout(() => {
      this.timer = null;
      this.polling = true;
      this.poll().then(
        () => {
          this.polling = false;
          const soon = this.again;
          this.again = false;
          this.schedule(soon ? 0 : (this.options.pollMs ?? EXCHANGE_POLL_MS));
        },
        (error: Error) => {
          this.polling = false;
          this.close(error);
        },
      );
    }, delay);
  }

  private async poll(): Promise<void> {
    for (const [k, waiting] of [...this.waiting]) {
      const found = await this.read(k, waiting.task);
      if (found === null) continue;
      this.waiting.delete(k);
      if ('outcome' in found) waiting.resolve(found.outcome);
      else
        waiting.reject(
          commandLineError('--exchange', `run ${k} failed on shard ${found.shard}: ${found.error}`),
        );
    }
    const idle = this.now() - this.lastNew;
    if (this.waiting.size > 0 && idle > this.options.timeoutSeconds * 1000) throw this.timeoutError();
  }

  private timeoutError(): Error {
    const missing = [...this.waiting.keys()].sort((a, b) => a - b);
    const shards = [...new Set(missing.map((k) => this.ownerOf(k).index))].sort((a, b) => a - b);
    const count = this.options.shard.count;
    return commandLineError(
      '--exchange-timeout',
      `no new run file in ${this.folder} for ${this.options.timeoutSeconds} s; missing ` +
        `${missing.map((k) => `${k}.json`).join(', ')} from shard${shards.length > 1 ? 's' : ''} ` +
        `${shards.map((i) => `${i}/${count}`).join(', ')}: is every shard running, with the same --exchange folder?`,
    );
  }
}

function parseRunFile(text: string, path: string): RunFile {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw commandLineError('--exchange', `${path} is not a run file: ${(error as Error).message}`);
  }
  const file = json as Partial<RunFile> | null;
  if (
    typeof file !== 'object' ||
    file === null ||
    !Number.isInteger(file.run) ||
    typeof file.task !== 'string' ||
    typeof file.shard !== 'string' ||
    (typeof file.data !== 'string' && typeof file.error !== 'string')
  ) {
    throw commandLineError(
      '--exchange',
      `${path} is not a run file: expected { run, task, shard, data or error }`,
    );
  }
  return file as RunFile;
}
