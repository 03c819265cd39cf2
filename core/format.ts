/** Human formatting of dates and durations for explanations and tooltips. All UTC, English. */

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

export const HOUR_MS = 3_600_000;
export const DAY_MS = 86_400_000;

/** "14 June 2026, 10:32 UTC". Out-of-range input gives "an invalid date". */
export function formatDate(ms: number): string {
  const d = new Date(ms);
  if (Number.isNaN(d.getTime())) return 'an invalid date';
  const hh = String(d.getUTCHours()).padStart(2, '0');
  const mm = String(d.getUTCMinutes()).padStart(2, '0');
  return `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}, ${hh}:${mm} UTC`;
}

/** "14 June 2026". */
export function formatDay(ms: number): string {
  const d = new Date(ms);
  if (Number.isNaN(d.getTime())) return 'an invalid date';
  return `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}`;
}

function plural(n: number, unit: string): string {
  return `${n} ${unit}${n === 1 ? '' : 's'}`;
}

/** A positive duration in words: "3 days", "5 hours", "12 minutes", "40 seconds". Floors to the largest unit. */
export function formatDuration(ms: number): string {
  const abs = Math.abs(ms);
  if (abs >= 2 * DAY_MS) return plural(Math.floor(abs / DAY_MS), 'day');
  if (abs >= DAY_MS) return plural(Math.floor(abs / HOUR_MS), 'hour');
  if (abs >= HOUR_MS) return plural(Math.floor(abs / HOUR_MS), 'hour');
  if (abs >= 60_000) return plural(Math.floor(abs / 60_000), 'minute');
  return plural(Math.floor(abs / 1000), 'second');
}

/** Whole UTC calendar days from the day of `from` to the day of `to` (dates are shown in UTC). */
function calendarDays(from: number, to: number): number {
  const day = (ms: number) => Math.floor(ms / DAY_MS);
  return day(to) - day(from);
}

/**
 * Relative to now, as a sysadmin counts: whole units elapsed, floored, as formatDuration and the badge count time
 * left, so 2.99 days away is "in 2 days" (badge "2d"). Never "0 days": under a day it says hours, then minutes, then
 * seconds, and under a second "less than a second ago" / "in less than a second". "yesterday" and "tomorrow" only
 * when one whole day has elapsed and the UTC date is the day before or after; else "1 day ago" / "in 1 day".
 * An instant equal to `now` has passed ("less than a second ago").
 */
export function formatRelative(ms: number, now: number): string {
  const diff = ms - now;
  const abs = Math.abs(diff);
  const past = diff <= 0;
  let words: string;
  if (abs >= DAY_MS) {
    const days = Math.floor(abs / DAY_MS);
    if (days === 1 && Math.abs(calendarDays(now, ms)) === 1) return past ? 'yesterday' : 'tomorrow';
    words = plural(days, 'day');
  } else {
    words = abs < 1000 ? 'less than a second' : formatDuration(abs);
  }
  return past ? `${words} ago` : `in ${words}`;
}
