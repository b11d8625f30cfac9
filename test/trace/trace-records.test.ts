import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  END,
  PROBLEM,
  RECORD,
  TraceReader,
  traceFormatOf,
  type TraceFormat,
  type TraceReaderOptions,
} from '../../src/trace/index.js';

function traceFile(name: string, content: string): string {
  const path = join(mkdtempSync(join(tmpdir(), 'queuesim-trace-')), name);
  writeFileSync(path, content);
  return path;
}

/** Every record (time, type, line) up to the end or the first problem. */
function read(path: string, format: TraceFormat, options: TraceReaderOptions = {}) {
  const reader = new TraceReader(path, format, options);
  const records: [number, string | null, number][] = [];
  for (;;) {
    const status = reader.next();
    if (status === END) return { records, problem: undefined };
    if (status === PROBLEM) return { records, problem: reader.problem };
    expect(status).toBe(RECORD);
    records.push([reader.timeMs, reader.type, reader.line]);
  }
}

const T0 = Date.UTC(2026, 10, 23, 9, 0, 0);

describe('trace formats', () => {
  it('come from the extension', () => {
    expect(traceFormatOf('a/monday.csv')).toBe('csv');
    expect(traceFormatOf('a/monday.NDJSON')).toBe('ndjson');
    expect(traceFormatOf('monday.jsonl')).toBe('ndjson');
    expect(traceFormatOf('monday.txt')).toBeUndefined();
  });
});

describe('CSV traces', () => {
  it('read the timestamp and type columns by header name, in any order, with ISO and epoch ms mixed', () => {
    const path = traceFile(
      't.csv',
      `id,Type,timestamp\r\n1,order_placed,2026-11-23T09:00:00Z\r\n\r\n2,,${T0 + 1500}\r\n3,"vip_order",2026-11-23T09:00:02.000Z\r\n`,
    );
    expect(read(path, 'csv')).toEqual({
      records: [
        [T0, 'order_placed', 2],
        [T0 + 1500, null, 4],
        [T0 + 2000, 'vip_order', 5],
      ],
      problem: undefined,
    });
  });

  it('take `time` or a named column; a file without a type column has untyped records', () => {
    expect(read(traceFile('t.csv', 'time\n100\n200\n'), 'csv').records).toEqual([
      [100, null, 2],
      [200, null, 3],
    ]);
    expect(read(traceFile('t.csv', 'at,timestamp\n5,x\n'), 'csv', { column: 'at' }).records).toEqual([
      [5, null, 2],
    ]);
  });

  it('give the same records with tiny chunks as with large ones', () => {
    const lines = Array.from({ length: 300 }, (_, i) => `${new Date(T0 + i * 37).toISOString()},t${i % 3}`);
    const path = traceFile('t.csv', `timestamp,type\n${lines.join('\r\n')}`);
    const whole = read(path, 'csv');
    expect(whole.records).toHaveLength(300);
    for (const chunkBytes of [1, 3, 17, 100]) expect(read(path, 'csv', { chunkBytes })).toEqual(whole);
  });

  it('locate problems: no timestamp column, a bad timestamp (at its cell), a bad type, a short row', () => {
    expect(read(traceFile('t.csv', 'when,type\n1,a\n'), 'csv').problem).toMatchObject({
      kind: 'no-timestamp-column',
      line: 1,
      columns: ['when', 'type'],
    });
    expect(read(traceFile('t.csv', 'type,timestamp\na,100\nb,soon\n'), 'csv').problem).toEqual({
      kind: 'bad-timestamp',
      line: 3,
      column: 3,
      written: 'soon',
    });
    expect(read(traceFile('t.csv', 'timestamp,type\n100,no way\n'), 'csv').problem).toMatchObject({
      kind: 'bad-type',
      line: 2,
      column: 5,
    });
    expect(read(traceFile('t.csv', 'type,timestamp\na\n'), 'csv').problem).toMatchObject({
      kind: 'missing-cell',
      line: 2,
    });
  });
});

describe('NDJSON traces', () => {
  it('read timestamp (ISO string or epoch ms number) and type, skipping blank lines', () => {
    const path = traceFile(
      't.ndjson',
      `{"timestamp":"2026-11-23T09:00:00Z","type":"a"}\n\n{"timestamp":${T0 + 10}}\r\n{"time":"${T0 + 20}","type":"b"}`,
    );
    expect(read(path, 'ndjson')).toEqual({
      records: [
        [T0, 'a', 1],
        [T0 + 10, null, 3],
        [T0 + 20, 'b', 4],
      ],
      problem: undefined,
    });
  });

  it('locate problems: not JSON, not an object, no timestamp, a bad timestamp', () => {
    expect(read(traceFile('t.jsonl', '{"timestamp": 1}\n{oops\n'), 'ndjson').problem).toMatchObject({
      kind: 'bad-json',
      line: 2,
    });
    expect(read(traceFile('t.jsonl', '[1]\n'), 'ndjson').problem).toMatchObject({ kind: 'not-an-object' });
    expect(read(traceFile('t.jsonl', '{"ts": 1}\n'), 'ndjson', { column: 'at' }).problem).toMatchObject({
      kind: 'missing-key',
      key: 'at',
    });
    expect(read(traceFile('t.jsonl', '{"timestamp": true}\n'), 'ndjson').problem).toMatchObject({
      kind: 'bad-timestamp',
      written: 'true',
    });
  });
});
