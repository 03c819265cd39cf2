import { describe, expect, test } from 'vitest';
import { judge, median, pairedBootstrapRatio, quantile, seededRandom, summarize } from '../../bench/stats';

describe('benchmark statistics', () => {
  test.each([
    [[1, 2, 3, 4, 5], 0.5, 3],
    [[1, 2, 3, 4], 0.5, 2.5],
    [[10], 0.9, 10],
    [[1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0, 1],
    [[1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 1, 10],
  ])('quantile(%j, %d) = %d', (sorted, q, expected) => expect(quantile(sorted, q)).toBeCloseTo(expected, 9));

  test('median does not depend on order', () => expect(median([5, 1, 4, 2, 3])).toBe(3));

  test('summary spreads', () => {
    const s = summarize([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(s).toMatchObject({ n: 10, min: 1, max: 10 });
    expect(s.iqr).toBeCloseTo(s.q3 - s.q1, 9);
  });

  const noisy = (n: number, scale: number, seed: number) => {
    const rnd = seededRandom(seed);
    return Array.from({ length: n }, () => scale * (20 + 10 * rnd()));
  };

  test('identical distributions: the 95% interval of the ratio holds 1', () => {
    const r = pairedBootstrapRatio(noisy(200, 1, 1), noisy(200, 1, 2), { seed: 3 });
    expect(r.low).toBeLessThan(1);
    expect(r.high).toBeGreaterThan(1);
  });

  test('a 30% slower side: the interval excludes 1 and the verdict says measurable', () => {
    const floor = pairedBootstrapRatio(noisy(200, 1, 1), noisy(200, 1, 2), { seed: 3 });
    const slower = pairedBootstrapRatio(noisy(200, 1.3, 4), noisy(200, 1, 5), { seed: 6 });
    expect(slower.low).toBeGreaterThan(1.1);
    expect(judge(slower, floor).measurable).toBe(true);
    expect(judge(floor, floor).measurable).toBe(false);
  });
});
