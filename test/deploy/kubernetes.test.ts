/**
 * The Kubernetes example as shipped: the fields the sharded run and the sharded headroom search rely on,
 * read from the manifests — an Indexed Job whose completions match the shard total, parts (and the
 * headroom's exchange folder) on a volume both Jobs mount, the ConfigMap key the command reads, one image —
 * and the scenario in the ConfigMap valid and shardable by both commands.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { replicatedForSlos } from '../../src/analysis/slo.js';
import { resolveSearchShard } from '../../src/cli/search-shard.js';
import { replicationUnits } from '../../src/cli/run-shard.js';
import { loadScenarioFile } from '../../src/scenario/index.js';
import { scenarioFile } from '../helpers/cli.js';
import { deployDir, manifest } from '../helpers/kubernetes-manifests.js';

const configMap = manifest('configmap.yaml');
const pvc = manifest('parts-pvc.yaml');

/** The value after `flag` in a container's args. */
const argAfter = (args: string[], flag: string) => args[args.indexOf(flag) + 1];
const mountOf = (container: { volumeMounts: { name: string; mountPath: string }[] }, name: string) =>
  container.volumeMounts.find((mount) => mount.name === name)?.mountPath;

/** Each pair of Jobs: the shards and their merge. */
const pairs = [
  { command: 'run', shardsFile: 'shards-job.yaml', mergeFile: 'merge-job.yaml' },
  { command: 'headroom', shardsFile: 'headroom-shards-job.yaml', mergeFile: 'headroom-merge-job.yaml' },
];

describe.each(pairs)(
  'deploy/kubernetes: $shardsFile and $mergeFile',
  ({ command, shardsFile, mergeFile }) => {
    const shards = manifest(shardsFile);
    const merge = manifest(mergeFile);
    const shardPod = shards.spec.template.spec;
    const mergePod = merge.spec.template.spec;
    const [shardContainer] = shardPod.containers;
    const [mergeContainer] = mergePod.containers;

    it('runs the shards as an Indexed Job with completions = parallelism = QUEUESIM_SHARDS', () => {
      expect(shards.apiVersion).toBe('batch/v1');
      expect(shards.kind).toBe('Job');
      expect(shards.spec.completionMode).toBe('Indexed');
      const total = Number(
        shardContainer.env.find((e: { name: string }) => e.name === 'QUEUESIM_SHARDS').value,
      );
      expect(shards.spec.completions).toBe(total);
      expect(shards.spec.parallelism).toBe(total);
      expect(shardPod.restartPolicy).toBe('Never');
      expect(shardContainer.args[0]).toBe(command);
      expect(shardContainer.args).not.toContain('--shard'); // the shard comes from JOB_COMPLETION_INDEX
    });

    it('reads the scenario from the ConfigMap key the command names', () => {
      const scenarioPath: string = shardContainer.args[1];
      const mountPath = mountOf(shardContainer, 'scenario');
      const volume = shardPod.volumes.find((v: { name: string }) => v.name === 'scenario');
      expect(volume.configMap.name).toBe(configMap.metadata.name);
      expect(scenarioPath.startsWith(`${mountPath}/`)).toBe(true);
      expect(Object.keys(configMap.data)).toContain(scenarioPath.slice(mountPath!.length + 1));
    });

    it('writes one part per completion index to the volume the merge reads, and merges every index', () => {
      const part: string = argAfter(shardContainer.args, '--part');
      expect(part).toContain('$(JOB_COMPLETION_INDEX)');
      const partsDir = mountOf(shardContainer, 'parts');
      expect(part.startsWith(`${partsDir}/`)).toBe(true);
      for (const pod of [shardPod, mergePod]) {
        const volume = pod.volumes.find((v: { name: string }) => v.name === 'parts');
        expect(volume.persistentVolumeClaim.claimName).toBe(pvc.metadata.name);
      }
      expect(pvc.spec.accessModes).toContain('ReadWriteMany');
      const mergeDir = mountOf(mergeContainer, 'parts');
      const expected = Array.from({ length: shards.spec.completions }, (_, k) =>
        part.replace(partsDir!, mergeDir!).replace('$(JOB_COMPLETION_INDEX)', String(k)),
      );
      expect(mergeContainer.args[0]).toBe('merge');
      expect(mergeContainer.args.filter((arg: string) => arg.endsWith('.json'))).toEqual(expected);
    });

    it('uses one image, the one the Dockerfile documents, run as its entrypoint', () => {
      expect(mergeContainer.image).toBe(shardContainer.image);
      const dockerfile = readFileSync(join(deployDir, 'Dockerfile'), 'utf8');
      expect(dockerfile).toContain(`-t ${shardContainer.image} `);
      expect(dockerfile).toMatch(/^FROM node:20-slim$/m);
      expect(dockerfile).toMatch(/ENTRYPOINT \["node", "\/app\/dist\/cli\/main\.js"\]/);
      expect(shardContainer.command).toBeUndefined(); // args go to the entrypoint
    });

    it('ships a valid scenario that can be divided into as many shards', async () => {
      const file = scenarioFile(configMap.data['scenario.yaml']);
      const { scenario } = await loadScenarioFile(file);
      const { completions } = shards.spec;
      if (command === 'run') {
        expect(replicationUnits(scenario)).toBeGreaterThanOrEqual(completions);
        return;
      }
      // The search's shards: each step's replications spread over every shard, exchanged on the volume.
      const exchange: string = argAfter(shardContainer.args, '--exchange');
      expect(exchange.startsWith(`${mountOf(shardContainer, 'parts')}/`)).toBe(true);
      expect(replicatedForSlos(scenario).statistics?.replications).toBeGreaterThanOrEqual(completions);
      const args = { scenario: file, exchange, part: 'part.json' };
      const env = { JOB_COMPLETION_INDEX: '0', QUEUESIM_SHARDS: String(completions) };
      expect(resolveSearchShard('headroom', args, scenario, env)).toEqual({ index: 1, count: completions });
    });
  },
);
