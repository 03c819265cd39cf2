import { LEVEL_COLORS, type BadgeLevel } from '@/core/badge';

export interface LevelBadgeProps {
  level: BadgeLevel;
  /** The level in words: the colour never speaks alone. */
  label: string;
}

const SYMBOLS: Readonly<Record<BadgeLevel, string>> = {
  ok: '✓',
  renewal_due: '↻',
  warn: '!',
  critical: '!!',
  expired: '✕',
  not_yet_valid: '✕',
  failure: '✕',
  none: '–',
  unknown: '?',
};

/** A level as a word and a symbol on the badge's colour. */
export function LevelBadge({ level, label }: LevelBadgeProps) {
  return (
    <span class={`level level-${level}`} style={{ '--level-color': LEVEL_COLORS[level] }}>
      <span aria-hidden="true">{SYMBOLS[level]}</span>
      {label}
    </span>
  );
}
