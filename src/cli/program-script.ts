/**
 * Loads the built command line's code, for the bin and its worker threads: `dist/cli/program.cjs`, one
 * script compiled with the V8 code cache `npm run build` wrote beside it (`program.cache`). Node 20 keeps
 * no compiled code between runs of an ES module, and compiling the half megabyte a `run` needs was a
 * quarter of its start-up; a script compiled from its cache skips that. Without a usable cache (another
 * Node or V8 flags, a cache that does not match the script) the same script is compiled from its source:
 * slower, never different.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Script } from 'node:vm';
import * as zlib from 'node:zlib';
import type * as ProgramEntry from './program-entry.js';

/** What program.cjs exports: program-entry.ts's exports. */
export type ProgramScriptExports = typeof ProgramEntry;

/** How the script was compiled, for QUEUESIM_CODE_CACHE_REPORT and the bundle's tests. */
export type CodeCacheStatus =
  | 'used'
  | 'rejected by V8' // another Node, or V8 flags that change compiled code
  | 'made for another script'
  | 'absent'
  | 'uncheckable on this Node' // no zlib.crc32 before Node 20.15
  | 'not asked for';

export interface LoadedProgram {
  exports: ProgramScriptExports;
  script: Script;
  /** The script's bytes as compiled: what a cache made from `script` is for. */
  source: Buffer;
}

const HEADER_BYTES = 8;

/**
 * The script's parameters: CommonJS's five, and the bin's `import.meta` (the bundle is built with
 * `import.meta` defined as that name; the bin sits beside the script, so its URL resolves the same files).
 * Strict, as the ES modules it is bundled from.
 */
const wrap = (source: string): string =>
  `(function (exports, require, module, __filename, __dirname, __queuesimImportMeta) {'use strict';${source}\n})`;

/** zlib.crc32 (Node ≥ 20.15), or undefined before it: then no cache is used or written. */
export function crc32Function(): ((data: Uint8Array) => number) | undefined {
  const crc32 = (zlib as { crc32?: (data: Uint8Array) => number }).crc32;
  return typeof crc32 === 'function' ? crc32 : undefined;
}

/** The program script and its cache file, beside the bin whose `import.meta` is given. */
export function programFiles(binMeta: ImportMeta): { scriptFile: string; cacheFile: string } {
  return {
    scriptFile: fileURLToPath(new URL('program.cjs', binMeta.url)),
    cacheFile: fileURLToPath(new URL('program.cache', binMeta.url)),
  };
}

/**
 * The cache file's header: the CRC-32 of the script's source and of V8's data, which follows it. V8 checks
 * a cache against its version, its flags and the source's length only, so a cache made for another build
 * of a script of the same length would run that build's code; the CRCs rule that out.
 */
export function cacheHeader(
  crc32: (data: Uint8Array) => number,
  source: Uint8Array,
  data: Uint8Array,
): Buffer {
  const header = Buffer.alloc(HEADER_BYTES);
  header.writeUInt32LE(crc32(source), 0);
  header.writeUInt32LE(crc32(data), 4);
  return header;
}

/** V8's data from the cache file when it was made for this source, or why there is none. */
function readCache(cacheFile: string, source: Buffer): { data?: Buffer; status: CodeCacheStatus } {
  const crc32 = crc32Function();
  if (crc32 === undefined) return { status: 'uncheckable on this Node' };
  let bytes: Buffer;
  try {
    bytes = readFileSync(cacheFile);
  } catch {
    return { status: 'absent' };
  }
  const data = bytes.subarray(HEADER_BYTES);
  const made = bytes.subarray(0, HEADER_BYTES);
  if (data.length === 0 || !cacheHeader(crc32, source, data).equals(made)) {
    return { status: 'made for another script' };
  }
  return { data, status: 'used' };
}

/**
 * Compiles and runs program.cjs beside the bin whose `import.meta` is given; `useCache: false` compiles
 * it from source (the cache writer, whose cache must cover what its runs compile).
 */
export function loadProgramScript(binMeta: ImportMeta, { useCache = true } = {}): LoadedProgram {
  const { scriptFile, cacheFile } = programFiles(binMeta);
  const sourceBytes = readFileSync(scriptFile);
  const cache: { data?: Buffer; status: CodeCacheStatus } = useCache
    ? readCache(cacheFile, sourceBytes)
    : { status: 'not asked for' };
  const script = new Script(wrap(sourceBytes.toString('utf8')), {
    filename: scriptFile,
    cachedData: cache.data,
  });
  const status = script.cachedDataRejected === true ? 'rejected by V8' : cache.status;
  if (process.env.QUEUESIM_CODE_CACHE_REPORT) process.stderr.write(`queuesim: code cache ${status}\n`);
  const module = { exports: {} as ProgramScriptExports };
  const run = script.runInThisContext() as (...parameters: unknown[]) => void;
  run(module.exports, createRequire(scriptFile), module, scriptFile, dirname(scriptFile), binMeta);
  return { exports: module.exports, script, source: sourceBytes };
}
