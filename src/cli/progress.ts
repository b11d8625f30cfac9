/**
 * Progress of a study on stderr. On a terminal: a bar (never with --json), shown once a run has lasted
 * about a second. Without a terminal (CI, a log file, `2> file`): one plain line every few seconds — share
 * done, simulated time, events a second and the time left — so that a long run is never silent. `--quiet`
 * turns both off.
 */
import type cliProgress from 'cli-progress';
import { createRequire } from 'node:module';
import type { StudyProgress } from '../analysis/replications.js';
import { formatSeconds } from '../report/format.js';
import { writeStderr } from './io.js';

type CliProgress = typeof cliProgress;
let loadedBarPackage: CliProgress | undefined;

/**
 * The bar's package, required when a bar first shows: a start-up without one (--quiet, --json, no terminal,
 * a short run) does not compile it. `require` keeps it synchronous: a run on this thread does not yield.
 */
function barPackage(): CliProgress {
  loadedBarPackage ??= createRequire(import.meta.url)('cli-progress') as CliProgress;
  return loadedBarPackage;
}

/** A run shorter than this shows no bar at all, milliseconds. */
const SHOW_AFTER_MS = 1000;
/** Milliseconds between progress lines without a terminal; QUEUESIM_PROGRESS_INTERVAL_MS overrides it. */
export const DEFAULT_PROGRESS_INTERVAL_MS = 5000;

export interface ProgressBar {
  update(progress: StudyProgress): void;
  stop(): void;
}

/** A bar that appears after a second when `enabled`, or one that does nothing. */
export function progressBar(enabled: boolean): ProgressBar {
  if (!enabled) return { update() {}, stop() {} };
  const startedAt = Date.now();
  let bar: cliProgress.SingleBar | null = null;
  return {
    update({ phase, done, total }) {
      if (bar === null) {
        if (Date.now() - startedAt < SHOW_AFTER_MS) return;
        const { SingleBar } = barPackage();
        bar = new SingleBar({
          stream: process.stderr,
          format: '{phase} |{bar}| {percentage}% | {runs} | ETA {eta_formatted}',
          barCompleteChar: '█',
          barIncompleteChar: '░',
          clearOnComplete: true,
          hideCursor: true,
          etaBuffer: 50,
        });
        bar.start(total, 0, { phase, runs: '' });
      }
      const unit = phase === 'sweep points' ? 'points' : 'runs';
      const runs = total > 1 ? `${Math.floor(done)}/${total} ${unit}` : '';
      bar.setTotal(total);
      bar.update(done, { phase, runs });
    },
    stop() {
      bar?.stop();
    },
  };
}

/** What the plain progress lines need to know of the study, from its estimate. */
export interface ProgressScale {
  /** Simulated seconds of one run, warm-up included (shown for one-run studies). */
  runSeconds: number;
  /** Estimated events of the whole study: the events a second shown are this share of it. */
  events: number;
}

/** Milliseconds between plain progress lines: the default, or QUEUESIM_PROGRESS_INTERVAL_MS. */
export function progressIntervalMs(): number {
  const value = Number(process.env.QUEUESIM_PROGRESS_INTERVAL_MS);
  return Number.isFinite(value) && value > 0 ? value : DEFAULT_PROGRESS_INTERVAL_MS;
}

/** One plain progress line: "queuesim: 42.0% done · 4/10 runs · ~1.2M events/s · ETA 1.5min". */
export function progressLine(progress: StudyProgress, scale: ProgressScale, elapsedMs: number): string {
  const { phase, done, total } = progress;
  const fraction = total > 0 ? Math.min(1, done / total) : 0;
  const parts = [`${(fraction * 100).toFixed(1)}% done${phase === 'replications' ? '' : ` (${phase})`}`];
  if (total > 1) parts.push(`${Math.floor(done)}/${total} ${phase === 'sweep points' ? 'points' : 'runs'}`);
  else
    parts.push(`${formatSeconds(done * scale.runSeconds)} of ${formatSeconds(scale.runSeconds)} simulated`);
  const seconds = elapsedMs / 1000;
  if (seconds > 0 && scale.events > 0) {
    parts.push(`~${formatRate((fraction * scale.events) / seconds)} events/s`);
  }
  parts.push(fraction > 0 ? `ETA ${formatSeconds((seconds * (1 - fraction)) / fraction)}` : 'ETA unknown');
  return `queuesim: ${parts.join(' · ')}`;
}

/** Events a second, short: 850k, 1.2M. */
function formatRate(value: number): string {
  if (value >= 1e6) return `${Number((value / 1e6).toPrecision(2))}M`;
  if (value >= 1e3) return `${Number((value / 1e3).toPrecision(2))}k`;
  return value.toFixed(0);
}

/** Plain lines on stderr, the first after one interval, then at most one per interval. */
export function progressLines(scale: ProgressScale, intervalMs = progressIntervalMs()): ProgressBar {
  const startedAt = Date.now();
  let printedAt = startedAt;
  return {
    update(progress) {
      const now = Date.now();
      if (now - printedAt < intervalMs) return;
      printedAt = now;
      writeStderr(progressLine(progress, scale, now - startedAt));
    },
    stop() {},
  };
}

/** Where a study's progress goes: the bar on a terminal (not with --json), lines elsewhere, none if quiet. */
export function studyProgress(options: { quiet: boolean; json: boolean }, scale: ProgressScale): ProgressBar {
  if (options.quiet) return progressBar(false);
  if (process.stderr.isTTY) return progressBar(!options.json);
  return progressLines(scale);
}
