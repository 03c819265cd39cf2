import type { CtStatus, OverridableErrorCategory } from '../types';

/** Firefox's connection states. */
export const STATES = ['secure', 'weak', 'broken', 'insecure'] as const;

/** Firefox's certificateTransparencyStatus values. */
export const CT_STATUSES: readonly CtStatus[] = [
  'not_applicable',
  'policy_compliant',
  'policy_not_enough_scts',
  'policy_not_diverse_scts',
];

/** Firefox's overridableErrorCategory values (set after a click-through). */
export const OVERRIDE_CATEGORIES: readonly OverridableErrorCategory[] = [
  'trust_error',
  'domain_mismatch',
  'expired_or_not_yet_valid',
];

/** `value` when it is one of `allowed`, else null: an unknown enum value is not guessed at. */
export function pick<T extends string>(value: string | undefined, allowed: readonly T[]): T | null {
  return value !== undefined && (allowed as readonly string[]).includes(value) ? (value as T) : null;
}
