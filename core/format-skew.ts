import { DAY_MS, HOUR_MS } from './format';

/**
 * Clock differences in words, in their two largest units: "3 hours 12 minutes", "10 days", "45 seconds". A skew is
 * an estimate, so it is rounded to the nearest smaller unit shown; a bound ("to within", "give or take") is rounded
 * up, so that it still bounds. Certificate times left are not estimates: formatDuration floors them, as the badge does.
 */

const UNITS: readonly (readonly [size: number, name: string])[] = [
  [DAY_MS, 'day'],
  [HOUR_MS, 'hour'],
  [60_000, 'minute'],
  [1000, 'second'],
];
const SECOND_MS = 1000;

function unit(n: number, name: string): string {
  return `${n} ${name}${n === 1 ? '' : 's'}`;
}

/** The smaller of the two units shown for `ms`: the one below its largest unit, seconds at the least. */
function precision(ms: number): number {
  const largest = UNITS.findIndex(([size]) => ms >= size);
  return largest < 0 ? SECOND_MS : (UNITS[largest + 1]?.[0] ?? SECOND_MS);
}

/** A whole number of the precision unit in words: "1 day 2 hours", "2 days", "less than a second" for 0. */
function inTwoUnits(ms: number): string {
  const first = UNITS.findIndex(([size]) => ms >= size);
  const [size, name] = UNITS[first] ?? [];
  if (size === undefined || name === undefined) return 'less than a second';
  const count = Math.floor(ms / size);
  const [nextSize, nextName] = UNITS[first + 1] ?? [];
  const rest = nextSize === undefined ? 0 : Math.floor((ms - count * size) / nextSize);
  return rest > 0 && nextName ? `${unit(count, name)} ${unit(rest, nextName)}` : unit(count, name);
}

/**
 * A clock skew (either sign) in words, rounded to the nearest smaller unit shown: 10 days minus 15 ms is "10 days",
 * 3 hours 12 minutes 40 seconds is "3 hours 13 minutes", under half a second is "less than a second". An exact half
 * rounds down, so that a skew is never overstated.
 */
export function formatSkew(ms: number): string {
  const abs = Math.abs(ms);
  const step = precision(abs);
  return inTwoUnits(Math.ceil(abs / step - 0.5) * step);
}

/**
 * An upper bound on a clock difference (the uncertainty of an estimate) in words, rounded up to the smaller unit
 * shown and never under a second: 250 ms is "1 second", 10.5 seconds "11 seconds", 1 hour 20 seconds "1 hour 1 minute".
 */
export function formatSkewBound(ms: number): string {
  const abs = Math.max(SECOND_MS, Math.abs(ms));
  const step = precision(abs);
  return inTwoUnits(Math.ceil(abs / step) * step);
}
