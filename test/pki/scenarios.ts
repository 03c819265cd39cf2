import type { Cause } from '../../core/causes';
import type { Level } from '../../core/types';
import type { ScenarioName } from './types';

/** Which authority issues a scenario's leaf. */
export type IssuerRole = 'intermediate' | 'expired-intermediate' | 'other-intermediate' | 'self';

/** How each scenario is made: times are in days relative to `now` (negative: in the past). */
export interface ScenarioSpec {
  /** notBefore, days from now. */
  startDays: number;
  lifetimeDays: number;
  issuer: IssuerRole;
  /** Whether the issuing intermediate is sent after the leaf. */
  sendIntermediate: boolean;
  key: 'p256' | 'rsa2048';
  /** The name the certificate is for, when it is not the scenario's own host. */
  certifiedHost?: string;
  /** Subject RDNs in encoding order, when not the default O=certglance test PKI, CN=<host>. */
  subject?: { O: string; CN: string };
  ipAddresses?: string[];
  /** Fake embedded SCTs. */
  scts?: number;
  cause: Cause | null;
  level: Level;
}

const valid = { issuer: 'intermediate', sendIntermediate: true, key: 'p256', cause: null } as const;

/** The scenario table. */
export const SCENARIO_SPECS: Record<ScenarioName, ScenarioSpec> = {
  'valid-398d': { ...valid, startDays: -98, lifetimeDays: 398, scts: 2, level: 'ok' },
  'valid-90d': { ...valid, startDays: -30, lifetimeDays: 90, level: 'ok' },
  'valid-47d': { ...valid, startDays: -32, lifetimeDays: 47, level: 'renewal_due' },
  'valid-6d': { ...valid, startDays: -2, lifetimeDays: 6, level: 'ok' },
  'warn-90d': { ...valid, startDays: -80, lifetimeDays: 90, level: 'warn' },
  'critical-90d': { ...valid, startDays: -87, lifetimeDays: 90, level: 'critical' },
  expired: { ...valid, startDays: -92, lifetimeDays: 90, cause: 'expired', level: 'expired' },
  'not-yet-valid': {
    ...valid,
    startDays: 3,
    lifetimeDays: 90,
    cause: 'not_yet_valid',
    level: 'not_yet_valid',
  },
  'expired-intermediate': {
    ...valid,
    issuer: 'expired-intermediate',
    startDays: -30,
    lifetimeDays: 90,
    cause: 'issuer_expired',
    level: 'expired',
  },
  'self-signed': {
    ...valid,
    issuer: 'self',
    sendIntermediate: false,
    startDays: -30,
    lifetimeDays: 90,
    cause: 'self_signed',
    level: 'ok',
  },
  'unknown-issuer': {
    ...valid,
    issuer: 'other-intermediate',
    startDays: -30,
    lifetimeDays: 90,
    cause: 'unknown_issuer',
    level: 'ok',
  },
  'wrong-host': {
    ...valid,
    certifiedHost: 'other-name.localhost',
    startDays: -30,
    lifetimeDays: 90,
    cause: 'hostname_mismatch',
    level: 'ok',
  },
  'missing-intermediate': {
    ...valid,
    sendIntermediate: false,
    startDays: -30,
    lifetimeDays: 90,
    cause: 'incomplete_chain',
    level: 'ok',
  },
  rsa: {
    ...valid,
    key: 'rsa2048',
    ipAddresses: ['127.0.0.1', '::1'],
    startDays: -30,
    lifetimeDays: 90,
    level: 'ok',
  },
  hostile: {
    ...valid,
    subject: { O: '<b>bold</b>', CN: '<img src=x onerror=alert(1)>' },
    startDays: -30,
    lifetimeDays: 90,
    level: 'ok',
  },
};
