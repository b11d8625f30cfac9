/**
 * Writes a report's files as one change: a reader (or a run killed half-way) sees the previous report or
 * the new one, never a mix. The files are written into a staging folder beside the report folder, the
 * files of other commands already in the report folder are hard-linked into it, and the staging folder
 * then takes the report folder's place by two renames. Leftovers of a killed run are cleaned up the
 * next time a report is written there.
 */
import { randomBytes } from 'node:crypto';
import { link, mkdir, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join, parse, resolve, sep } from 'node:path';

/** The marker in the names of staging and replaced folders: `.<report folder>.queuesim-staging-<pid>-<hex>`. */
const STAGING = 'queuesim-staging';
const REPLACED = 'queuesim-replaced';

/**
 * Creates `dir` and its missing parents one level at a time. Node's recursive mkdir never returns for
 * some paths (`/proc/x`); this ends with the file system's error instead.
 */
export async function makeFolder(dir: string): Promise<void> {
  const absolute = resolve(dir);
  const { root } = parse(absolute);
  let path = root;
  for (const part of absolute.slice(root.length).split(sep).filter(Boolean)) {
    path = join(path, part);
    try {
      await mkdir(path);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      if (!(await stat(path)).isDirectory()) {
        throw Object.assign(new Error(`ENOTDIR: ${path} is a file, not a folder`), { code: 'ENOTDIR' });
      }
    }
  }
}

/**
 * Puts `files` (name → content) into `dir`, keeping the other files already there, as one change.
 * When `dir` holds sub-folders (which cannot be hard-linked), the files are renamed into it one by one
 * instead: each file is still whole, but a run killed between two renames may leave old and new mixed.
 */
export async function replaceReportFiles(dir: string, files: Record<string, string>): Promise<void> {
  const parent = dirname(resolve(dir));
  const name = basename(resolve(dir));
  await makeFolder(parent);
  await cleanLeftovers(parent, name);
  const tag = `${process.pid}-${randomBytes(4).toString('hex')}`;
  const staging = join(parent, `.${name}.${STAGING}-${tag}`);
  await mkdir(staging);
  try {
    await Promise.all(
      Object.entries(files).map(([file, text]) => writeFile(join(staging, file), text, 'utf8')),
    );
    const existing = await entriesOf(dir);
    if (existing === undefined) {
      await rename(staging, dir);
      return;
    }
    if (existing.some((entry) => !entry.isFile())) {
      for (const file of Object.keys(files)) await rename(join(staging, file), join(dir, file));
      await rm(staging, { recursive: true, force: true });
      return;
    }
    for (const entry of existing) {
      if (!(entry.name in files)) await link(join(dir, entry.name), join(staging, entry.name));
    }
    const replaced = join(parent, `.${name}.${REPLACED}-${tag}`);
    await rename(dir, replaced);
    await rename(staging, dir);
    await rm(replaced, { recursive: true, force: true });
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    throw error;
  }
}

/** The entries of `dir`, or undefined when it does not exist. */
async function entriesOf(dir: string) {
  try {
    return await readdir(dir, { withFileTypes: true });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

/**
 * Removes staging folders left by runs that are no longer alive; when such a run was killed between its
 * two renames (the report folder is missing and its replaced folder is there), the previous report is
 * put back first.
 */
async function cleanLeftovers(parent: string, name: string): Promise<void> {
  const prefix = `.${name}.`;
  const leftovers = (await readdir(parent)).filter((entry) => entry.startsWith(prefix));
  for (const entry of leftovers) {
    const match = new RegExp(`^(${STAGING}|${REPLACED})-(\\d+)-[0-9a-f]+$`).exec(entry.slice(prefix.length));
    if (match === null || isAlive(Number(match[2]))) continue;
    const path = join(parent, entry);
    if (match[1] === REPLACED && (await entriesOf(join(parent, name))) === undefined) {
      await rename(path, join(parent, name));
    } else {
      await rm(path, { recursive: true, force: true });
    }
  }
}

/** True when a process with this id is running (a leftover of a live run is not ours to remove). */
function isAlive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
