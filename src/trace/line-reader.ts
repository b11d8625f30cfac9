/**
 * A synchronous reader of a text file's lines, chunk by chunk into one fixed buffer: the simulation loop is
 * synchronous, and a trace may be far larger than memory should hold. Memory is bounded by the buffer plus
 * the longest line, whatever the file's size.
 */
import { closeSync, openSync, readSync } from 'node:fs';
import { StringDecoder } from 'node:string_decoder';

/** Default chunk: large enough that reading costs little per line, small enough not to matter. */
export const DEFAULT_CHUNK_BYTES = 64 * 1024;
/** Longest line accepted (characters): a bound on memory for a file that is not line-oriented. */
export const MAX_LINE_CHARS = 1024 * 1024;

/** Thrown when a line is longer than MAX_LINE_CHARS (the file is not a trace). */
export class LineTooLongError extends Error {
  constructor(readonly line: number) {
    super(`line ${line} is longer than ${MAX_LINE_CHARS} characters`);
    this.name = 'LineTooLongError';
  }
}

export interface LineReaderOptions {
  /** Bytes read at a time. */
  chunkBytes?: number;
  /** Longest line accepted, characters. */
  maxLineChars?: number;
}

/**
 * Lines of a UTF-8 file, without their `\n` or `\r\n`, numbered from 1; a leading byte-order mark is dropped.
 * The file is opened for each chunk and closed again, so a reader abandoned mid-file (a run that ends
 * before its trace) leaks no file descriptor.
 */
export class LineReader {
  /** 1-based number of the line last returned (0 before the first). */
  lineNumber = 0;
  /** Most characters held at once (decoded chunk plus a partial line): the reader's memory, for tests. */
  peakHeldChars = 0;
  private readonly buffer: Buffer;
  private readonly maxLineChars: number;
  private readonly decoder = new StringDecoder('utf8');
  private lines: string[] = [];
  private nextLine = 0;
  /** The unfinished last line of the chunks read so far. */
  private partial = '';
  private position = 0;
  private ended = false;

  constructor(
    private readonly path: string,
    options: LineReaderOptions = {},
  ) {
    this.buffer = Buffer.allocUnsafe(options.chunkBytes ?? DEFAULT_CHUNK_BYTES);
    this.maxLineChars = options.maxLineChars ?? MAX_LINE_CHARS;
  }

  /** The next line, or undefined at the end of the file. Throws the file system's error if it cannot be read. */
  readLine(): string | undefined {
    while (this.nextLine >= this.lines.length) {
      if (this.ended) return undefined;
      this.readChunk();
    }
    const line = this.lines[this.nextLine++];
    this.lineNumber++;
    const text = line.endsWith('\r') ? line.slice(0, -1) : line;
    return this.lineNumber === 1 && text.startsWith('\uFEFF') ? text.slice(1) : text;
  }

  private readChunk(): void {
    const fd = openSync(this.path, 'r');
    let bytes: number;
    try {
      bytes = readSync(fd, this.buffer, 0, this.buffer.length, this.position);
    } finally {
      closeSync(fd);
    }
    this.position += bytes;
    let text: string;
    if (bytes === 0) {
      this.ended = true;
      text = this.partial + this.decoder.end();
      // A last line without a final newline is still a line; an empty remainder is not.
      this.lines = text === '' ? [] : [text];
      this.partial = '';
    } else {
      text = this.partial + this.decoder.write(this.buffer.subarray(0, bytes));
      this.lines = text.split('\n');
      this.partial = this.lines.pop() ?? '';
    }
    this.nextLine = 0;
    if (text.length > this.peakHeldChars) this.peakHeldChars = text.length;
    if (this.partial.length > this.maxLineChars)
      throw new LineTooLongError(this.lineNumber + this.lines.length + 1);
  }
}
