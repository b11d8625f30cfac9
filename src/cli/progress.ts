/**
 * The progress bar on stderr: only on a terminal, never with --json, and only once a run has lasted about
 * a second (short runs print nothing). It counts runs; fractions of runs in flight move it smoothly.
 */
import cliProgress from 'cli-progress';
import type { StudyProgress } from '../analysis/replications.js';

/** A run shorter than this shows no bar at all, milliseconds. */
const SHOW_AFTER_MS = 1000;

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
        bar = new cliProgress.SingleBar({
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
