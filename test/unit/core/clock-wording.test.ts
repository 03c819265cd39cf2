import { describe, expect, test } from 'vitest';
import { describeSkew } from '../../../core/clock';
import { explain } from '../../../core/explain';
import type { ClockEstimate } from '../../../core/types';

/** 14 June 2026, 10:32 UTC. */
const NOW = Date.UTC(2026, 5, 14, 10, 32);
const S = 1000;
const M = 60_000;
const H = 3_600_000;
const D = 86_400_000;

const estimate = (skewMs: number, basis: ClockEstimate['basis'] = 'http-date'): ClockEstimate => ({
  skewMs,
  uncertaintyMs: 400,
  basis,
});

/** The size and direction of the skew in each place that words it. */
function wordings(clock: ClockEstimate): { popup: string; explanation: string; serverClock: string } {
  const popup = /^your clock is (.+) (ahead|behind)$/.exec(describeSkew(clock));
  const local = explain({ host: 'example.com', now: NOW, causes: ['local_clock_wrong'], clock });
  const sentence = local.happened
    .map((h) => /^Your computer's clock is (.+) (ahead|behind) \(/.exec(h))
    .find(Boolean);
  const server = explain({ host: 'example.com', now: NOW, causes: ['server_clock_skew'], clock });
  const serverSentence = server.happened
    .map((h) => /^The clock of the server for example\.com is (.+) (behind|ahead) \(/.exec(h))
    .find(Boolean);
  return {
    popup: popup ? `${popup[1]} ${popup[2]}` : '(none)',
    explanation: sentence ? `${sentence[1]} ${sentence[2]}` : '(none)',
    // The server's clock is behind when this computer's is ahead of it.
    serverClock: serverSentence
      ? `${serverSentence[1]} ${serverSentence[2] === 'behind' ? 'ahead' : 'behind'}`
      : '(none)',
  };
}

describe('one skew, one number: the popup and the explanations word a clock estimate alike', () => {
  test.each([
    [10 * D - 15, '10 days ahead'],
    [-(10 * D - 15), '10 days behind'],
    [9 * D + 23 * H + 40 * M, '10 days ahead'],
    [9 * D + 22 * H, '9 days 22 hours ahead'],
    [-(26 * H + 30 * M), '1 day 2 hours behind'],
    [26 * H + 31 * M, '1 day 3 hours ahead'],
    [3 * H + 12 * M + 40 * S, '3 hours 13 minutes ahead'],
    [-(2 * H - 300), '2 hours behind'],
    [10 * M + 29 * S, '10 minutes 29 seconds ahead'],
  ])('%d ms: %s', (skewMs, words) => {
    for (const basis of ['http-date', 'probe'] as const) {
      expect(wordings(estimate(skewMs, basis))).toEqual({
        popup: words,
        explanation: words,
        serverClock: words,
      });
    }
  });
});
