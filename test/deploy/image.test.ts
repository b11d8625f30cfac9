/**
 * The Kubernetes example run as a cluster would run it, short of a cluster (no container engine here). The
 * Dockerfile's two stages are laid out in temporary folders: the build stage gets only the files it copies
 * (with the installed packages standing for its `npm ci`) and runs its `npm run build`; the run stage gets
 * what it copies from there, with node_modules holding only the production packages of package-lock.json,
 * as `npm prune --omit=dev` leaves them. Each Job's pods then run as the kubelet would start them: the
 * image's entrypoint with the container's args (`$(VAR)` expanded), its env, the ConfigMap's scenario at
 * its mount path, one folder standing for the parts volume, the image's working directory. What this
 * catches: a build that needs a file the image does not copy, a bundle that needs a dev dependency, and
 * manifests whose commands do not work together. What it cannot: the base image itself.
 */
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { projectRoot, spawnNode, withoutWallTime, type CliOutcome } from '../helpers/cli.js';
import { deployDir, manifest } from '../helpers/kubernetes-manifests.js';

/** A stage of the Dockerfile: what it copies (from the context or `--from` a stage), runs, and sets. */
interface Stage {
  copies: { sources: string[]; to: string; fromStage: boolean }[];
  runs: string[];
  workdir: string;
  env: Record<string, string>;
  entrypoint: string[];
}

/** The Dockerfile's stages, in order. */
function stagesOf(dockerfile: string): Stage[] {
  return dockerfile
    .split(/^FROM /m)
    .slice(1)
    .map((text) => {
      const stage: Stage = { copies: [], runs: [], workdir: '/', env: {}, entrypoint: [] };
      for (const line of text.split('\n').map((each) => each.trim())) {
        const copy = /^COPY (--from=\S+ )?(.+) (\S+)$/.exec(line);
        if (copy) stage.copies.push({ sources: copy[2].split(' '), to: copy[3], fromStage: !!copy[1] });
        if (line.startsWith('RUN ')) stage.runs.push(line.slice('RUN '.length));
        const workdir = /^WORKDIR (\S+)$/.exec(line);
        if (workdir) stage.workdir = workdir[1];
        const env = /^ENV (\w+)=(\S+)$/.exec(line);
        if (env) stage.env[env[1]] = env[2];
        if (line.startsWith('ENTRYPOINT ')) stage.entrypoint = JSON.parse(line.slice('ENTRYPOINT '.length));
      }
      return stage;
    });
}

/** The top-level packages `npm ci --omit=dev` installs: package-lock's entries not marked dev. */
const productionPackages: string[] = Object.entries(
  JSON.parse(readFileSync(join(projectRoot, 'package-lock.json'), 'utf8')).packages as Record<
    string,
    { dev?: boolean }
  >,
)
  .filter(([path, entry]) => path.startsWith('node_modules/') && !entry.dev)
  .map(([path]) => path.slice('node_modules/'.length))
  .filter((name) => !name.includes('/node_modules/'));

/**
 * Copies a stage's files under `root` (the stage's paths below it: /app → root/app), from the repository
 * (the build context) or, for `COPY --from`, from `built` (the build stage's folder). node_modules from the build
 * stage links only the production packages to the installed ones, so a dev-only package is not found from
 * the image's folder, as in the image; node_modules in the build stage (its `npm ci`) links them all.
 */
function layOut(stage: Stage, root: string, built: string | null): void {
  const app = join(root, stage.workdir);
  mkdirSync(app, { recursive: true });
  for (const { sources, to, fromStage } of stage.copies) {
    for (const from of sources) {
      const source = fromStage
        ? join(built as string, from.replace(/^\/app\/?/, ''))
        : join(projectRoot, from);
      // As in Docker: a destination ending in '/' is a folder to copy into.
      const target = to.endsWith('/') ? join(app, to, basename(from)) : join(app, to);
      if (basename(from) !== 'node_modules') {
        cpSync(source, target, { recursive: true });
        continue;
      }
      for (const name of productionPackages) {
        mkdirSync(dirname(join(target, name)), { recursive: true });
        symlinkSync(join(projectRoot, 'node_modules', name), join(target, name), 'dir');
      }
    }
  }
}

/** The build stage: its files, `npm ci` (the installed packages, linked), then its build. */
function build(stage: Stage, root: string): string {
  // The emulation below stands for exactly these commands; a changed Dockerfile must change it too.
  expect(stage.runs).toEqual([
    'npm ci --ignore-scripts',
    'npm run build && npm prune --omit=dev --ignore-scripts',
  ]);
  layOut(stage, root, null);
  const app = join(root, stage.workdir);
  symlinkSync(join(projectRoot, 'node_modules'), join(app, 'node_modules'), 'dir');
  const built = spawnSync('npm', ['run', 'build'], { cwd: app, encoding: 'utf8' });
  expect(built.status, `${built.stdout}\n${built.stderr}`).toBe(0);
  return app;
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
  stage: Stage,
  container: { args: string[]; env?: { name: string; value: string }[] },
  mounts: Record<string, string>,
  extraEnv: Record<string, string>,
): Promise<CliOutcome> {
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
  // A pod's environment: PATH and HOME only, nothing of this machine's node set-up.
  return spawnNode(args, {
    cwd: join(root, stage.workdir),
    env: { PATH: process.env.PATH ?? '', HOME: root, ...env },
  });
}

describe('deploy/kubernetes run on the Dockerfile stages', () => {
  const [buildStage, stage] = stagesOf(readFileSync(join(deployDir, 'Dockerfile'), 'utf8'));
  const root = mkdtempSync(join(tmpdir(), 'queuesim-image-'));
  const scenarioDir = join(root, 'configmap');
  const partsDir = join(root, 'volume');
  const scenarioText: string = manifest('configmap.yaml').data['scenario.yaml'];

  beforeAll(() => {
    layOut(stage, root, build(buildStage, join(root, 'build-stage')));
    mkdirSync(scenarioDir);
    mkdirSync(partsDir);
    writeFileSync(join(scenarioDir, 'scenario.yaml'), scenarioText);
  });

  it('the run stage copies the bundle and no build tool', () => {
    expect(stage.copies.map((copy) => copy.to)).toEqual(expect.arrayContaining(['./node_modules', './dist']));
    expect(existsSync(join(root, stage.workdir, 'dist', 'cli', 'main.js'))).toBe(true);
    const installed = productionPackages;
    for (const tool of ['typescript', 'esbuild', 'tsx', 'vitest']) expect(installed).not.toContain(tool);
    for (const external of ['piscina', 'bullmq', 'ioredis', '@asyncapi/parser'])
      expect(installed).toContain(external);
  });

  /** Runs a Job's pods (all at once, as parallelism = completions), then its merge; the merge's outcome. */
  const runJobs = async (shardsFile: string, mergeFile: string): Promise<CliOutcome> => {
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

  /** The unsharded command, in the image too, for comparison. */
  const unsharded = (args: string[]) => startPod(root, stage, { args }, {}, {});

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
