import { describe, expect, test } from 'vitest';
import { formatDuration, formatRelative } from '../../../core/format';

/** 14 June 2026, 10:32 UTC. */
const NOW = Date.UTC(2026, 5, 14, 10, 32);
const S = 1000;
const M = 60_000;
const H = 3_600_000;
const D = 86_400_000;

describe('formatDuration floors certificate times left, as the badge does', () => {
  test.each([
    [2.99 * D, '2 days'],
    [2 * D, '2 days'],
    [2 * D - 1, '47 hours'],
    [36 * H, '36 hours'],
    [D - 1, '23 hours'],
    [H, '1 hour'],
    [59 * M + 59 * S, '59 minutes'],
    [M, '1 minute'],
    [59 * S + 999, '59 seconds'],
    [-3 * D, '3 days'],
  ])('%d ms -> %s', (ms, words) => {
    expect(formatDuration(ms)).toBe(words);
  });
});

describe('formatRelative: whole units elapsed, floored, never "0 days"', () => {
  test.each([
    ['2.99 days ahead', NOW + 2.99 * D, 'in 2 days'],
    ['2.99 days ago', NOW - 2.99 * D, '2 days ago'],
    ['3 days ago', NOW - 3 * D, '3 days ago'],
    ['10 days ahead', NOW + 10 * D, 'in 10 days'],
    ['1 day ago, the day before (UTC)', NOW - D, 'yesterday'],
    ['1 day ahead, the day after (UTC)', NOW + D, 'tomorrow'],
    ['1.5 days ago, still the day before (UTC)', NOW - 34 * H, 'yesterday'],
    ['47 hours ago, two dates back (UTC)', NOW - 47 * H, '1 day ago'],
    ['47 hours ahead, two dates on (UTC)', NOW + 47 * H, 'in 1 day'],
    ['23.99 hours ago: hours, not "0 days"', NOW - (D - 36 * S), '23 hours ago'],
    ['5 hours ahead', NOW + 5 * H + 59 * M, 'in 5 hours'],
    ['40 minutes ago', NOW - 40 * M, '40 minutes ago'],
    ['12 seconds ahead', NOW + 12 * S + 900, 'in 12 seconds'],
    ['half a second ago', NOW - 500, 'less than a second ago'],
    ['half a second ahead', NOW + 500, 'in less than a second'],
    ['now itself has passed', NOW, 'less than a second ago'],
  ])('%s: %s', (_name, ms, words) => {
    expect(formatRelative(ms, NOW)).toBe(words);
  });

  test('"yesterday" follows the UTC date, not only the 24 hours', () => {
    const justAfterMidnight = Date.UTC(2026, 5, 14, 0, 30);
    expect(formatRelative(justAfterMidnight - 25 * H, justAfterMidnight)).toBe('1 day ago');
    const lateEvening = Date.UTC(2026, 5, 14, 23, 0);
    expect(formatRelative(lateEvening - 25 * H, lateEvening)).toBe('yesterday');
  });
});
