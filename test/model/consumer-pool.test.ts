import { describe, expect, it } from 'vitest';
import { RandomStream } from '../../src/engine/index.js';
import { ConstantDistribution } from '../../src/engine/distributions/index.js';
import { ConsumerPool, WORKER_LEFT } from '../../src/model/consumer-pool.js';

const pool = (initial: number, prefetch: number, capacity: number) =>
  new ConsumerPool(initial, prefetch, new ConstantDistribution(1), new RandomStream(1, 'test'), capacity);

describe('ConsumerPool (elastic)', () => {
  it('adds workers up to its capacity, each taking work at once', () => {
    const consumers = pool(1, 1, 3);
    expect(consumers.assign(100)).toBe(0);
    expect(consumers.hasRoom()).toBe(false);
    const added = consumers.addWorker();
    expect(consumers.size).toBe(2);
    expect(consumers.hasRoom()).toBe(true);
    expect(consumers.assign(101)).toBe(added);
    expect(consumers.heldMessages()).toBe(2);
  });

  it('removes an idle worker at once, and retires a busy one after its current message', () => {
    const consumers = pool(2, 1, 4);
    const busy = consumers.assign(100);
    consumers.startProcessing(busy);
    expect(consumers.removeWorker([])).toBe(true); // the idle one
    expect(consumers.hasRoom()).toBe(false);
    expect(consumers.removeWorker([])).toBe(false); // the busy one retires
    expect(consumers.size).toBe(0);
    expect(consumers.acknowledge(busy)).toBe(WORKER_LEFT);
    expect(consumers.hasRoom()).toBe(false);
    expect(consumers.heldMessages()).toBe(0);
    // Its slot is free again: a new worker can use it.
    consumers.addWorker();
    consumers.addWorker();
    expect(consumers.size).toBe(2);
  });

  it('gives back the prefetched messages of a retiring worker and stops delivering to it', () => {
    const consumers = pool(1, 3, 2);
    expect(consumers.assign(100)).toBe(0);
    consumers.startProcessing(0);
    expect(consumers.assign(101)).toBe(-1); // buffered behind 100
    expect(consumers.assign(102)).toBe(-1);
    const returned: number[] = [];
    expect(consumers.removeWorker(returned)).toBe(false);
    expect(returned).toEqual([101, 102]);
    expect(consumers.hasRoom()).toBe(false);
    expect(consumers.heldMessages()).toBe(1);
    expect(consumers.acknowledge(0)).toBe(WORKER_LEFT);
  });

  it('prefers removing the least loaded worker with prefetch > 1', () => {
    const consumers = pool(2, 2, 2);
    expect(consumers.assign(100)).toBe(0);
    consumers.startProcessing(0);
    expect(consumers.assign(101)).toBe(1);
    consumers.startProcessing(1);
    expect(consumers.assign(102)).toBe(-1); // worker 0 buffers it
    const returned: number[] = [];
    expect(consumers.removeWorker(returned)).toBe(false);
    expect(returned).toEqual([]); // worker 1 (one message) retires, worker 0 keeps its buffer
    expect(consumers.acknowledge(1)).toBe(WORKER_LEFT);
    expect(consumers.acknowledge(0)).toBe(102);
  });
});

describe('ConsumerPool invariants', () => {
  it('refuses to grow past its capacity or to remove a worker it does not have, naming what broke', () => {
    const consumers = pool(1, 1, 1);
    expect(() => consumers.addWorker()).toThrow(/no free slot.*capacity 1/);
    consumers.removeWorker([]);
    expect(() => consumers.removeWorker([])).toThrow(/no working worker/);
  });
});
