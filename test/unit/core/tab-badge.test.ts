import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { badgeFor } from '@/core/badge';
import { mapError } from '@/core/error-map';
import type { InspectReport } from '@/core/probe-report';
import { observationFromSecurityInfo } from '@/core/security-info';
import { badgeInputFor, narrowCauses } from '@/core/tab-badge';
import type { TabRecord } from '@/core/tab-record';

interface Fixture {
  scenario: string;
  recordedAt: string;
  url: string;
  securityInfo?: unknown;
  leafFallback?: unknown;
  navigationError?: string;
  requestError?: string;
}

const fixture = (name: string): Fixture =>
  JSON.parse(
    readFileSync(join(import.meta.dirname, '../../fixtures/firefox', `${name}.json`), 'utf8'),
  ) as Fixture;

/** A tab record as the background stores it, from a real Firefox recording. */
function recordFrom(f: Fixture): { record: TabRecord; now: number } {
  const now = Date.parse(f.recordedAt);
  const url = new URL(f.url);
  const base: TabRecord = { tabId: 1, url: f.url, origin: url.origin, host: url.hostname, updatedAt: now };
  if (f.navigationError) {
    return { record: { ...base, failure: { mapped: mapError(f.navigationError), at: now } }, now };
  }
  const obs = observationFromSecurityInfo(f.securityInfo, {
    url: f.url,
    capturedAt: now,
    leafFallback: f.leafFallback,
  });
  if (!obs.ok) throw new Error(`fixture ${f.scenario}: ${obs.error.message}`);
  return {
    record: { ...base, observation: obs.value, overridden: obs.value.overriddenErrorCategory !== null },
    now,
  };
}

describe('badge for a tab, from real Firefox recordings', () => {
  test.each([
    ['valid-398d', /^\d+d$/, 'ok'],
    ['valid-90d', /^\d+d$/, 'ok'],
    ['valid-47d', /^\d+d$/, 'renewal_due'],
    ['valid-6d', /^[34]d$/, 'ok'],
    ['warn-90d', /^(9|10)d$/, 'warn'],
    ['critical-90d', /^[23]d$/, 'critical'],
    ['expired', /^EXP$/, 'failure'],
    ['not-yet-valid', /^!$/, 'failure'],
    ['expired-intermediate', /^EXP$/, 'failure'],
    ['self-signed', /^!$/, 'failure'],
    ['unknown-issuer', /^!$/, 'failure'],
    ['wrong-host', /^!$/, 'failure'],
    ['override-expired', /^EXP$/, 'failure'],
    ['override-self-signed', /^!$/, 'failure'],
    ['override-wrong-host', /^!$/, 'failure'],
  ] as const)('%s shows %s', (name, text, level) => {
    const { record, now } = recordFrom(fixture(name));
    const badge = badgeFor(badgeInputFor(record, record.url), now);
    expect(badge.text).toMatch(text);
    expect(badge.level === level || (level === 'failure' && badge.level === 'expired')).toBe(true);
    expect(badge.tooltip).toContain(record.host);
  });

  test('a clicked-through warning never shows as fine', () => {
    const { record, now } = recordFrom(fixture('override-wrong-host'));
    const input = badgeInputFor(record, record.url);
    expect(input.kind).toBe('failure');
    expect(badgeFor(input, now).color).not.toBe(badgeFor({ kind: 'chain', host: 'x', chain: [] }, now).color);
  });

  test('a clicked-through self-signed certificate is named as such, as the popup names it', () => {
    const { record, now } = recordFrom(fixture('override-self-signed'));
    expect(badgeInputFor(record, record.url, now)).toMatchObject({
      kind: 'failure',
      causes: ['self_signed'],
    });
    expect(badgeFor(badgeInputFor(record, record.url, now), now).tooltip).toContain('self-signed');
  });

  test('plain http has an empty badge', () => {
    expect(badgeFor(badgeInputFor(undefined, 'http://example.localhost/'), 0).text).toBe('');
  });

  test('https with nothing recorded is unknown, not fine', () => {
    const input = badgeInputFor(undefined, 'https://example.localhost/');
    expect(input).toEqual({ kind: 'unknown', host: 'example.localhost' });
  });
});

describe('narrowing ambiguous causes with the probe', () => {
  const report = (causes: InspectReport['summary']['causes']): InspectReport => ({
    target: { host: 'a.localhost', port: 443 },
    probedAt: '2026-06-16T10:00:00.000Z',
    addresses: [],
    summary: { status: 'error', earliestExpiry: null, consistent: true, causes },
  });
  const dateInvalid = mapError('net::ERR_CERT_DATE_INVALID').causes;

  test('the probe tells expired from the other date causes', () => {
    expect(narrowCauses(dateInvalid, report([{ cause: 'expired', detail: '', addresses: [] }]))).toEqual([
      'expired',
    ]);
  });
  test('a probe finding outside the candidates does not replace them', () => {
    expect(narrowCauses(dateInvalid, report([{ cause: 'self_signed', detail: '', addresses: [] }]))).toEqual(
      dateInvalid,
    );
  });
  test('without a probe the candidates stay', () => {
    expect(narrowCauses(dateInvalid, undefined)).toEqual(dateInvalid);
    expect(dateInvalid.length).toBeGreaterThan(1);
  });
});

describe('the badge names the cause the popup names', () => {
  test("a date error that is the local clock's, with the probe's chain at hand, says so", async () => {
    const { makeTestPki } = await import('../../pki');
    const { parseCertificate } = await import('@/core/certificate');
    const pki = await makeTestPki();
    const leaf = parseCertificate(pki.scenarios['valid-90d'].leaf.der);
    if (!leaf.ok) throw new Error(leaf.error.message);
    const realNow = pki.now;
    const skewMs = 400 * 86_400_000; // this computer's clock is 400 days ahead
    const localNow = realNow + skewMs;
    const report: InspectReport = {
      target: { host: 'valid-90d.localhost', port: 443 },
      probedAt: new Date(realNow).toISOString(),
      addresses: [
        {
          ip: '127.0.0.1',
          family: 4,
          ok: true,
          tls: { protocol: 'TLSv1.3', cipher: null },
          chain: [{ ...leaf.value, daysLeft: 60, lifetimeDays: 90, level: 'ok' }],
          verification: { trusted: true, cause: null, rawError: null, hostnameMatch: true, depth: null },
          ocsp: { stapled: false },
          serverDate: null,
          clockSkewSeconds: 0,
          timings: { connectMs: 1, handshakeMs: 1, totalMs: 2 },
        },
      ],
      summary: { status: 'ok', earliestExpiry: null, consistent: true, causes: [] },
    };
    const url = 'https://valid-90d.localhost/';
    const record: TabRecord = {
      tabId: 1,
      url,
      origin: 'https://valid-90d.localhost:443',
      host: 'valid-90d.localhost',
      updatedAt: localNow,
      failure: { mapped: mapError('net::ERR_CERT_DATE_INVALID'), at: localNow },
      clock: { skewMs, uncertaintyMs: 600, basis: 'probe' },
      probe: { report, at: localNow },
    };
    const input = badgeInputFor(record, url, localNow);
    expect(input).toMatchObject({ kind: 'failure', causes: ['local_clock_wrong'] });
    expect(badgeFor(input, localNow).tooltip).toMatch(/clock/i);
    // Without `now` only the probe narrows: the four date candidates stay, none is picked wrongly.
    expect(badgeInputFor(record, url)).toMatchObject({
      kind: 'failure',
      causes: expect.arrayContaining(['expired']),
    });
  });
});
