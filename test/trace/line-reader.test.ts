import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LineReader } from '../../src/trace/index.js';

function fileWith(content: string | Buffer): string {
  const path = join(mkdtempSync(join(tmpdir(), 'queuesim-lines-')), 'lines.txt');
  writeFileSync(path, content);
  return path;
}

function allLines(path: string, chunkBytes?: number): string[] {
  const reader = new LineReader(path, { chunkBytes });
  const lines: string[] = [];
  for (let line = reader.readLine(); line !== undefined; line = reader.readLine()) lines.push(line);
  return lines;
}

describe('LineReader', () => {
  const text = 'alpha\r\nbeta\n\ngamma,δέλτα\r\nlast without newline';
  const expected = ['alpha', 'beta', '', 'gamma,δέλτα', 'last without newline'];

  it('returns every line without its \\n or \\r\\n, blank lines included', () => {
    expect(allLines(fileWith(text))).toEqual(expected);
  });

  it('joins lines and multi-byte characters split across chunk boundaries, whatever the chunk size', () => {
    const path = fileWith(text);
    for (const chunkBytes of [1, 2, 3, 5, 7, 64]) expect(allLines(path, chunkBytes)).toEqual(expected);
  });

  it('drops a byte-order mark and gives no extra line after a final newline', () => {
    expect(allLines(fileWith('\uFEFFa\nb\n'), 2)).toEqual(['a', 'b']);
    expect(allLines(fileWith(''))).toEqual([]);
  });

  it('numbers lines from 1', () => {
    const reader = new LineReader(fileWith('a\nb\n'));
    reader.readLine();
    reader.readLine();
    expect(reader.lineNumber).toBe(2);
  });

  it('holds at most a chunk and a partial line, however long the file', () => {
    const line = '2026-11-23T09:00:01.577Z,order_placed\n';
    const path = fileWith(line.repeat(20_000));
    const reader = new LineReader(path, { chunkBytes: 4096 });
    let count = 0;
    while (reader.readLine() !== undefined) count++;
    expect(count).toBe(20_000);
    expect(reader.peakHeldChars).toBeLessThanOrEqual(4096 + line.length);
  });

  it('refuses a line longer than the limit instead of holding it', () => {
    const reader = new LineReader(fileWith('x'.repeat(5000)), { chunkBytes: 1024, maxLineChars: 2000 });
    expect(() => reader.readLine()).toThrow(/longer than/);
  });
});
