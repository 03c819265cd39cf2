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

/** Relative to now: "2 days ago", "yesterday", "in 5 hours", "tomorrow". */
export function formatRelative(ms: number, now: number): string {
  const diff = ms - now;
  const abs = Math.abs(diff);
  if (abs >= DAY_MS && abs < 2 * DAY_MS) return diff < 0 ? 'yesterday' : 'tomorrow';
  const words = formatDuration(abs);
  return diff < 0 ? `${words} ago` : `in ${words}`;
}
