import { describe, expect, test } from 'vitest';
import { formatSkew, formatSkewBound } from '../../../core/format-skew';

const S = 1000;
const M = 60_000;
const H = 3_600_000;
const D = 86_400_000;

describe('formatSkew: an estimate, rounded to the nearest smaller unit shown', () => {
  test.each([
    [10 * D - 15, '10 days'],
    [-(10 * D - 15), '10 days'],
    [10 * D - 29 * M, '10 days'],
    [10 * D - 31 * M, '9 days 23 hours'],
    [9 * D + 23 * H + 40 * M, '10 days'],
    [2 * D + 400, '2 days'],
    [26 * H + 29 * M, '1 day 2 hours'],
    [26 * H + 30 * M, '1 day 2 hours'],
    [26 * H + 30 * M + 1, '1 day 3 hours'],
    [23 * H + 59 * M + 40 * S, '1 day'],
    [23 * H + 59 * M + 20 * S, '23 hours 59 minutes'],
    [3 * H + 12 * M + 40 * S, '3 hours 13 minutes'],
    [3 * H + 12 * M - 400, '3 hours 12 minutes'],
    [H, '1 hour'],
    [59 * M + 59 * S + 600, '1 hour'],
    [M + S, '1 minute 1 second'],
    [59 * S + 600, '1 minute'],
    [45 * S, '45 seconds'],
    [1499, '1 second'],
    [1500, '1 second'],
    [1501, '2 seconds'],
    [700, '1 second'],
    [500, 'less than a second'],
    [300, 'less than a second'],
    [0, 'less than a second'],
  ])('%d ms -> %s', (ms, words) => {
    expect(formatSkew(ms)).toBe(words);
  });
});

describe('formatSkewBound: a bound, rounded up, never under a second', () => {
  test.each([
    [0, '1 second'],
    [250.5, '1 second'],
    [1000, '1 second'],
    [1001, '2 seconds'],
    [10_500, '11 seconds'],
    [59 * S + 1, '1 minute'],
    [H + 20 * S, '1 hour 1 minute'],
    [D + 1, '1 day 1 hour'],
    [-(2 * S + 1), '3 seconds'],
  ])('%d ms -> %s', (ms, words) => {
    expect(formatSkewBound(ms)).toBe(words);
  });
});
