import { describe, expect, it } from 'vitest';
import { parseBytes, parseDurationSeconds, parseRatePerSecond } from '../../src/scenario/index.js';

describe('parseDurationSeconds', () => {
  it.each([
    [0, 0],
    [0.02, 0.02],
    [600, 600],
    ['250ms', 0.25],
    ['30s', 30],
    ['10m', 600],
    ['10min', 600],
    ['2h', 7200],
    ['1d', 86400],
    ['20us', 20e-6],
    ['20µs', 20e-6],
    ['1.5s', 1.5],
    ['.5s', 0.5],
    ['250 ms', 0.25],
    ['30', 30],
    ['0ms', 0],
  ])('%j is %f seconds', (input, seconds) => {
    expect(parseDurationSeconds(input)).toBeCloseTo(seconds, 12);
  });

  it.each([
    '10 minutes',
    '10M',
    '1h30m',
    '-5s',
    '5 s s',
    's',
    '',
    ' 5s',
    '5s ',
    '1e3ms',
    '50/s',
    '5sec',
    'Infinity',
  ])('rejects %j', (input) => {
    expect(parseDurationSeconds(input)).toBeUndefined();
  });

  it.each([-1, Infinity, NaN])('rejects the number %f', (input) => {
    expect(parseDurationSeconds(input)).toBeUndefined();
  });
});

describe('parseRatePerSecond', () => {
  it.each([
    [50, 50],
    [0.5, 0.5],
    ['50', 50],
    ['50/s', 50],
    ['3000/min', 50],
    ['3000/m', 50],
    ['10/h', 10 / 3600],
    ['864/d', 0.01],
    ['2/ms', 2000],
    ['1/us', 1e6],
    ['50 / s', 50],
    ['0/s', 0],
  ])('%j is %f per second', (input, perSecond) => {
    expect(parseRatePerSecond(input)).toBeCloseTo(perSecond, 9);
  });

  it.each(['50/second', '50 per second', '50/', '/s', '-5/s', '50s', '50/2s', 'fast', ''])(
    'rejects %j',
    (input) => {
      expect(parseRatePerSecond(input)).toBeUndefined();
    },
  );

  it.each([-1, Infinity, NaN])('rejects the number %f', (input) => {
    expect(parseRatePerSecond(input)).toBeUndefined();
  });
});

describe('parseBytes', () => {
  it.each([
    [0, 0],
    [512, 512],
    [1.5, 1.5],
    ['512', 512],
    ['512B', 512],
    ['2KB', 2000],
    ['2kB', 2000],
    ['2 KB', 2000],
    ['1.5MB', 1.5e6],
    ['1GB', 1e9],
    ['4KiB', 4096],
    ['10MiB', 10 * 1024 ** 2],
    ['1GiB', 1024 ** 3],
    ['.5KB', 500],
    ['0B', 0],
  ])('%j is %f bytes', (input, bytes) => {
    expect(parseBytes(input)).toBeCloseTo(bytes, 6);
  });

  it.each(['2kb', '2Kb', '2KIB', '2mb', '1TB', '2 K', 'KB', '-1KB', '1e3B', '2KB ', ' 2KB', '', 'big'])(
    'rejects %j',
    (input) => {
      expect(parseBytes(input)).toBeUndefined();
    },
  );

  it.each([-1, Infinity, NaN])('rejects the number %f', (input) => {
    expect(parseBytes(input)).toBeUndefined();
  });
});
