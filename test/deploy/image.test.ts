/**
 * The Kubernetes example run as a cluster would run it, short of a cluster (no container engine here): the
 * Dockerfile's run stage laid out in a temporary folder — the files it copies, with node_modules holding only
 * the production packages of package-lock.json, as `npm prune --omit=dev` leaves them — and each Job's pods
 * run as the kubelet would start them: the image's entrypoint with the container's args (`$(VAR)` expanded),
 * its env, the ConfigMap's scenario at its mount path and one folder standing for the parts volume, the
 * working directory the image's. What this catches: the bundle needing a dev dependency or a file the image
 * does not copy, and manifests whose commands do not work together. What it cannot: the base image itself.
 */
import { spawn } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { projectRoot } from '../helpers/cli.js';

const deployDir = join(projectRoot, 'deploy', 'kubernetes');
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- manifests are read field by field below
const manifest = (name: string): any => parse(readFileSync(join(deployDir, name), 'utf8'));

/** The run stage of the Dockerfile: what it copies from the build stage, its workdir, env and entrypoint. */
interface RunStage {
  copies: { from: string; to: string }[];
  workdir: string;
  env: Record<string, string>;
  entrypoint: string[];
}

function runStage(dockerfile: string): RunStage {
  const stages = dockerfile.split(/^FROM /m);
  const lines = stages[stages.length - 1].split('\n').map((line) => line.trim());
  const stage: RunStage = { copies: [], workdir: '/', env: {}, entrypoint: [] };
  for (const line of lines) {
    const copy = /^COPY --from=\S+ (\S+) (\S+)$/.exec(line);
    if (copy) stage.copies.push({ from: copy[1], to: copy[2] });
    const workdir = /^WORKDIR (\S+)$/.exec(line);
    if (workdir) stage.workdir = workdir[1];
    const env = /^ENV (\w+)=(\S+)$/.exec(line);
    if (env) stage.env[env[1]] = env[2];
    if (line.startsWith('ENTRYPOINT ')) stage.entrypoint = JSON.parse(line.slice('ENTRYPOINT '.length));
  }
  return stage;
}

/** The top-level packages `npm ci --omit=dev` installs: package-lock's entries not marked dev. */
function productionPackages(): string[] {
  const lock = JSON.parse(readFileSync(join(projectRoot, 'package-lock.json'), 'utf8'));
  return Object.entries(lock.packages as Record<string, { dev?: boolean }>)
    .filter(([path, entry]) => path.startsWith('node_modules/') && !entry.dev)
    .map(([path]) => path.slice('node_modules/'.length))
    .filter((name) => !name.includes('/node_modules/'));
}

/**
 * Lays out the image under `root` (its paths below `root`, /app → root/app). node_modules links each
 * production package to the installed one; the bundle's own imports resolve from the image's folder, so a
 * dev-only package is not found, as in the image.
 */
function layOutImage(root: string, stage: RunStage): void {
  const app = join(root, stage.workdir);
  mkdirSync(app, { recursive: true });
  for (const { from, to } of stage.copies) {
    const source = from.replace(/^\/app\//, '');
    // As in Docker: a destination ending in '/' is a folder to copy into.
    const target = to.endsWith('/') ? join(app, to, basename(source)) : join(app, to);
    if (source === 'node_modules') {
      for (const name of productionPackages()) {
        mkdirSync(dirname(join(target, name)), { recursive: true });
        symlinkSync(join(projectRoot, 'node_modules', name), join(target, name), 'dir');
      }
    } else {
      cpSync(join(projectRoot, source), target, { recursive: true });
    }
  }
}

interface PodOutcome {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** The container's args with the kubelet's `$(VAR)` expansion from its env. */
const expand = (arg: string, env: Record<string, string>) =>
  arg.replace(/\$\((\w+)\)/g, (whole, name: string) => env[name] ?? whole);

/**
 * Starts a pod's one container: the entrypoint (its absolute paths moved under `root`) with the args,
 * mount paths in the args replaced by the folders standing for the volumes.
 */
function startPod(
  root: string,
  stage: RunStage,
  container: { args: string[]; env?: { name: string; value: string }[] },
  mounts: Record<string, string>,
  extraEnv: Record<string, string>,
): Promise<PodOutcome> {
  const env: Record<string, string> = { ...stage.env, ...extraEnv };
  for (const { name, value } of container.env ?? []) env[name] = value;
  const onDisk = (arg: string) => {
    for (const [mountPath, folder] of Object.entries(mounts)) {
      if (arg === mountPath || arg.startsWith(`${mountPath}/`)) return folder + arg.slice(mountPath.length);
    }
    return arg;
  };
  const [program, ...entryArgs] = stage.entrypoint;
  expect(program).toBe('node');
  const args = [
    ...entryArgs.map((arg) => join(root, arg)),
    ...container.args.map((arg) => onDisk(expand(arg, env))),
  ];
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, {
      cwd: join(root, stage.workdir),
      // A pod's environment: PATH and HOME only, nothing of this machine's node setup.
      env: { PATH: process.env.PATH ?? '', HOME: root, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

/** The JSON with its wall time set aside, the one field a search's two runs never share. */
const withoutWallTime = (json: string) => json.replace(/"wallSeconds": [^\n]*\n/, '');

describe('deploy/kubernetes run on the Dockerfile run stage', () => {
  const stage = runStage(readFileSync(join(deployDir, 'Dockerfile'), 'utf8'));
  const root = mkdtempSync(join(tmpdir(), 'queuesim-image-'));
  const scenarioDir = join(root, 'configmap');
  const partsDir = join(root, 'volume');
  const scenarioText: string = manifest('configmap.yaml').data['scenario.yaml'];

  beforeAll(() => {
    expect(existsSync(join(projectRoot, 'dist', 'cli', 'main.js')), 'npm run build first').toBe(true);
    layOutImage(root, stage);
    mkdirSync(scenarioDir);
    mkdirSync(partsDir);
    writeFileSync(join(scenarioDir, 'scenario.yaml'), scenarioText);
  });

  it('the run stage copies the bundle and no build tool', () => {
    expect(stage.copies.map((copy) => copy.to)).toEqual(expect.arrayContaining(['./node_modules', './dist']));
    const installed = productionPackages();
    for (const tool of ['typescript', 'esbuild', 'tsx', 'vitest']) expect(installed).not.toContain(tool);
    for (const external of ['piscina', 'bullmq', 'ioredis', '@asyncapi/parser'])
      expect(installed).toContain(external);
  });

  /** Runs a Job's pods (all at once, as parallelism = completions), then its merge; the merge's outcome. */
  const runJobs = async (shardsFile: string, mergeFile: string): Promise<PodOutcome> => {
    const shards = manifest(shardsFile);
    const merge = manifest(mergeFile);
    const mounts = { '/scenario': scenarioDir, '/parts': partsDir };
    const completions: number = shards.spec.completions;
    const pods = await Promise.all(
      Array.from({ length: completions }, (_, index) =>
        startPod(root, stage, shards.spec.template.spec.containers[0], mounts, {
          JOB_COMPLETION_INDEX: String(index),
        }),
      ),
    );
    for (const pod of pods) expect(pod.status, pod.stderr).toBe(0);
    const merged = await startPod(root, stage, merge.spec.template.spec.containers[0], mounts, {});
    expect(merged.status, merged.stderr).toBe(0);
    return merged;
  };

  /** The unsharded command, on this machine's build, for comparison. */
  const unsharded = (args: string[]) =>
    startPod(
      projectRoot,
      { ...stage, workdir: '.', entrypoint: ['node', 'dist/cli/main.js'] },
      { args },
      {},
      {},
    );

  it('shards-job.yaml then merge-job.yaml: the unsharded run, byte for byte, and its report', async () => {
    const merged = await runJobs('shards-job.yaml', 'merge-job.yaml');
    const scenario = join(scenarioDir, 'scenario.yaml');
    const whole = await unsharded(['run', scenario, '--json', '--no-report', '--workers', '1']);
    expect(whole.status, whole.stderr).toBe(0);
    expect(merged.stdout).toBe(whole.stdout);
    expect(existsSync(join(partsDir, 'report', 'report.html'))).toBe(true);
  });

  it('headroom-shards-job.yaml then headroom-merge-job.yaml: the unsharded search', async () => {
    const merged = await runJobs('headroom-shards-job.yaml', 'headroom-merge-job.yaml');
    const scenario = join(scenarioDir, 'scenario.yaml');
    const whole = await unsharded(['headroom', scenario, '--json', '--no-report', '--workers', '1']);
    expect(whole.status, whole.stderr).toBe(0);
    expect(withoutWallTime(merged.stdout)).toBe(withoutWallTime(whole.stdout));
    expect(existsSync(join(partsDir, 'headroom-report', 'headroom.html'))).toBe(true);
  });
});
