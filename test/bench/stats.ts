/**
 * Small, dependency-free statistics for the benchmarks: order statistics, a paired bootstrap confidence interval for
 * a ratio of medians, a plain-language verdict on whether a difference is measurable, and the text formatting of
 * figures for the printed tables.
 */

/** Order statistics of one set of samples (ms). */
export interface Summary {
  n: number;
  median: number;
  p90: number;
  /** First and third quartiles; `iqr` = q3 - q1 (the spread). */
  q1: number;
  q3: number;
  iqr: number;
  min: number;
  max: number;
}

/** A ratio of medians with its bootstrap confidence interval. */
export interface RatioEstimate {
  /** median(a) / median(b) over all samples. */
  ratio: number;
  /** Bounds of the confidence interval (percentile bootstrap). */
  low: number;
  high: number;
  confidence: number;
  resamples: number;
}

/** Whether a with/without difference stands out from the noise, and why. */
export interface Verdict {
  measurable: boolean;
  /** One sentence. */
  reason: string;
}

/** The q-quantile (0..1) of ascending `sorted` samples, interpolated linearly between order statistics. NaN if empty. */
export function quantile(sorted: ArrayLike<number>, q: number): number {
  if (sorted.length === 0) return Number.NaN;
  const position = (sorted.length - 1) * Math.min(1, Math.max(0, q));
  const below = Math.floor(position);
  const lower = sorted[below]!;
  const upper = sorted[Math.min(sorted.length - 1, below + 1)]!;
  return lower + (upper - lower) * (position - below);
}

/** The median of unsorted samples. */
export function median(samples: readonly number[]): number {
  return quantile(
    [...samples].sort((x, y) => x - y),
    0.5,
  );
}

/** Median, p90, quartiles and range of `samples` (non-finite values are dropped). */
export function summarize(samples: readonly number[]): Summary {
  const sorted = samples.filter(Number.isFinite).sort((x, y) => x - y);
  const q1 = quantile(sorted, 0.25);
  const q3 = quantile(sorted, 0.75);
  return {
    n: sorted.length,
    median: quantile(sorted, 0.5),
    p90: quantile(sorted, 0.9),
    q1,
    q3,
    iqr: q3 - q1,
    min: sorted[0] ?? Number.NaN,
    max: sorted[sorted.length - 1] ?? Number.NaN,
  };
}

/** A seeded pseudo-random generator (mulberry32) in [0, 1): the same seed gives the same bootstrap. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * median(a) / median(b) with a percentile-bootstrap confidence interval. `a[i]` and `b[i]` were measured in the same
 * interleaved round, so rounds are resampled as pairs: slow drift of the machine moves both sides alike.
 * Rounds where either side is not finite are dropped.
 */
export function pairedBootstrapRatio(
  a: readonly number[],
  b: readonly number[],
  options: { resamples?: number; confidence?: number; seed?: number } = {},
): RatioEstimate {
  const resamples = options.resamples ?? 5000;
  const confidence = options.confidence ?? 0.95;
  const pairs: [number, number][] = [];
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const x = a[i]!;
    const y = b[i]!;
    if (Number.isFinite(x) && Number.isFinite(y)) pairs.push([x, y]);
  }
  const ratio = median(pairs.map((p) => p[0])) / median(pairs.map((p) => p[1]));
  if (pairs.length === 0) return { ratio, low: Number.NaN, high: Number.NaN, confidence, resamples: 0 };
  const random = seededRandom(options.seed ?? 20260614);
  const ratios = new Float64Array(resamples);
  const xs = new Float64Array(pairs.length);
  const ys = new Float64Array(pairs.length);
  for (let r = 0; r < resamples; r++) {
    for (let i = 0; i < pairs.length; i++) {
      const pair = pairs[Math.floor(random() * pairs.length)]!;
      xs[i] = pair[0];
      ys[i] = pair[1];
    }
    ratios[r] = quantile(xs.sort(), 0.5) / quantile(ys.sort(), 0.5);
  }
  const sorted = Array.from(ratios).sort((x, y) => x - y);
  const tail = (1 - confidence) / 2;
  return { ratio, low: quantile(sorted, tail), high: quantile(sorted, 1 - tail), confidence, resamples };
}

/** Pairs the even rounds of `samples` with the odd ones: an A/A split of one series. */
export function splitAlternate(samples: readonly number[]): [number[], number[]] {
  const even: number[] = [];
  const odd: number[] = [];
  for (let i = 0; i + 1 < samples.length; i += 2) {
    even.push(samples[i]!);
    odd.push(samples[i + 1]!);
  }
  return [even, odd];
}

const percent = (r: number) => `${r >= 1 ? '+' : ''}${((r - 1) * 100).toFixed(1)}%`;
const interval = (r: RatioEstimate) => `[${r.low.toFixed(3)}–${r.high.toFixed(3)}]`;

/**
 * A difference is measurable when the ratio's interval excludes 1 and does not overlap the interval of an A/A
 * comparison (two sides that differ in nothing but chance and instance), which is the noise floor.
 */
export function judge(ratio: RatioEstimate, noiseFloor: RatioEstimate): Verdict {
  const shown = `${percent(ratio.ratio)} ${interval(ratio)}`;
  if (!(ratio.low > 1 || ratio.high < 1)) {
    return { measurable: false, reason: `not measurable: ${shown} includes 1` };
  }
  if (ratio.low <= noiseFloor.high && noiseFloor.low <= ratio.high) {
    return {
      measurable: false,
      reason: `not measurable: ${shown} overlaps the A/A noise floor ${interval(noiseFloor)}`,
    };
  }
  return {
    measurable: true,
    reason: `MEASURABLE: ${shown}, beyond the A/A noise floor ${interval(noiseFloor)}`,
  };
}

/** A number of ms for a table: one decimal by default, '–' when missing. */
export function fmtMs(value: number | null | undefined, digits = 1): string {
  return value === null || value === undefined || !Number.isFinite(value) ? '–' : value.toFixed(digits);
}

/** "median / p90" of a summary. */
export function medP90(s: Summary): string {
  return `${fmtMs(s.median)} / ${fmtMs(s.p90)}`;
}

/** "median / p90 / IQR" of a summary. */
export function medP90Iqr(s: Summary): string {
  return `${medP90(s)} / ${fmtMs(s.iqr)}`;
}

/** "ratio [low–high]". */
export function fmtRatio(r: RatioEstimate): string {
  return `${r.ratio.toFixed(3)} ${interval(r)}`;
}

/** Rows of cells as left-aligned text columns; the first row sets the number of columns. */
export function textTable(rows: readonly (readonly string[])[]): string {
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => (r[c] ?? '').length)));
  return rows
    .map((r) =>
      r
        .map((cell, c) => cell.padEnd(widths[c]!))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}
