import { describe, expect, test } from 'vitest';
import type { InspectReport } from '../../../core/probe-report';
import { exitCodeFor } from '../../../probe/check-exit';

function report(
  status: InspectReport['summary']['status'],
  daysLeft: number | null,
  causes: string[] = [],
): InspectReport {
  return {
    target: { host: 'a.example', port: 443 },
    probedAt: '2026-06-01T00:00:00.000Z',
    addresses: [],
    summary: {
      status,
      earliestExpiry:
        daysLeft === null
          ? null
          : { notAfter: '2026-07-01T00:00:00.000Z', daysLeft, depth: 0, subject: 'CN=a' },
      consistent: true,
      causes: causes.map((cause) => ({ cause: cause as never, detail: '', addresses: [] })),
    },
  };
}

describe('exitCodeFor', () => {
  test.each([
    ['ok', 60, null, [], 0],
    ['renewal_due', 20, null, [], 0],
    ['warn', 9, null, [], 1],
    ['critical', 2, null, [], 1],
    ['ok', 60, 90, [], 1],
    ['warn', 9, 5, [], 0],
    ['ok', 60, null, ['server_clock_skew'], 1],
    ['ok', 60, null, ['inconsistent_backends'], 1],
    ['expired', -1, null, ['expired'], 2],
    ['not_yet_valid', 90, null, ['not_yet_valid'], 2],
    ['error', 60, null, ['self_signed'], 2],
    ['error', null, 30, ['dns_failure'], 2],
  ] as const)('%s, %s days left, --warn-days %s, causes %j -> %d', (status, days, warnDays, causes, code) => {
    expect(exitCodeFor(report(status, days, [...causes]), warnDays)).toBe(code);
  });
});
