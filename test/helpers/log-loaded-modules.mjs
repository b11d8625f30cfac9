// Preload (`node --import <this file>`): writes one `loaded <url>` line on stderr for each file: module the
// process loads, and at exit one `required <path>` line for each CommonJS file it required, so a test can
// see what a command reads. The hooks run on Node's loader thread, where this file is loaded again and must
// not register itself a second time.
import { writeSync } from 'node:fs';
import { createRequire, register } from 'node:module';
import { isMainThread } from 'node:worker_threads';

if (isMainThread) {
  register(import.meta.url);
  const required = createRequire(import.meta.url).cache;
  process.on('exit', () => {
    for (const path of Object.keys(required)) writeSync(2, `required ${path}\n`);
  });
}

/** The loader hook: notes the module, then loads it as usual. */
export async function load(url, context, nextLoad) {
  if (url.startsWith('file:')) writeSync(2, `loaded ${url}\n`);
  return nextLoad(url, context);
}
