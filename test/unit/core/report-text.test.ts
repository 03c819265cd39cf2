import { beforeAll, describe, expect, test } from 'vitest';
import { parseCertificate } from '../../../core/certificate';
import { DAY_MS, formatDate } from '../../../core/format';
import { buildPopupView, type PopupViewInput } from '../../../core/popup-view';
import { reportText } from '../../../core/report-text';
import { buildCases, CASE_NAMES, type CaseName } from '../../components/fixtures/cases';
import { builtChain, observationOf, tabRecord } from '../../components/fixtures/records';
import { issue, makeTestPki, type TestPki } from '../../pki';

let pki: TestPki;
let cases: Record<CaseName, PopupViewInput>;
const report = (name: CaseName): string => reportText(buildPopupView(cases[name]));
const lines = (text: string): string[] => text.split('\n');

beforeAll(async () => {
  pki = await makeTestPki();
  cases = await buildCases(pki);
}, 60_000);

function fingerprint(der: Uint8Array): string {
  const parsed = parseCertificate(der);
  if (!parsed.ok) throw new Error('test certificate does not parse');
  return parsed.value.fingerprintSha256;
}

describe('reportText', () => {
  test.each(CASE_NAMES)('%s: one fact a line, no control characters, and when it was taken', (name) => {
    const text = report(name);
    expect(text).toMatch(/^certglance report for /);
    expect(text.endsWith('\n')).toBe(true);
    // eslint-disable-next-line no-control-regex
    expect(text.replace(/\n/g, '')).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);
    expect(text).toContain(`Taken: ${formatDate(cases[name].now)}`);
  });

  test('a valid site: status, days left, UTC dates, the chain with fingerprints, connection, probe, sources', () => {
    const s = pki.scenarios['valid-398d'];
    const days = Math.floor((s.leaf.notAfter.getTime() - pki.now) / DAY_MS);
    const text = report('valid');
    expect(lines(text)).toContain(`Status: Valid: ${days} days left`);
    expect(text).toContain(`; ${days} days left (Valid).`);
    expect(text).toContain(`to ${formatDate(s.leaf.notAfter.getTime())}`);
    for (const cert of builtChain(pki, s))
      expect(text).toContain(`SHA-256 fingerprint: ${fingerprint(cert.der)}`);
    expect(text).toContain('  Names: DNS: valid-398d.localhost');
    expect(lines(text)).toContain('  TLS version: TLSv1.3');
    expect(text).toMatch(
      /127\.0\.0\.1 \(your browser connected here\): serves [0-9A-F:]{95}.*; OK; same as your browser/,
    );
    expect(text).toContain('  - Live TLS handshake seen by your browser: ');
  });

  test.each([
    ['expired', 'Certificate expired', 'expired'],
    ['not-yet-valid', 'Certificate not valid yet', 'not-yet-valid'],
    ['expired-intermediate', 'Intermediate certificate expired', 'expired-intermediate'],
    ['wrong-host', 'Certificate does not cover this name', 'wrong-host'],
    ['self-signed', 'Self-signed certificate', 'self-signed'],
    ['unknown-issuer', 'Certificate issuer not known', 'unknown-issuer'],
  ] as const)('%s: the failure explained for a ticket', (name, title, scenario) => {
    const text = report(name);
    expect(lines(text)).toContain(`Problem: ${title} (error)`);
    expect(lines(text)).toContain('What happened:');
    expect(lines(text)).toContain("What the site's owner must fix:");
    expect(text).toContain(`SHA-256 fingerprint: ${fingerprint(pki.scenarios[scenario].leaf.der)}`);
    expect(text).toContain('Certificate chain (from the certglance probe, leaf first):');
  });

  test('backends that disagree: the odd address is named, with what it serves', () => {
    const odd = lines(report('disagreeing-backends')).find((l) => l.startsWith('  127.0.0.2'));
    expect(odd).toBe(
      `  127.0.0.2: serves ${fingerprint(pki.scenarios.expired.leaf.der)}, valid until ` +
        `${formatDate(pki.scenarios.expired.leaf.notAfter.getTime())}; Fails: expired; DIFFERENT from your browser`,
    );
  });

  test('a probe that is down: the report says so and what is missing', () => {
    const text = report('probe-down');
    expect(text).toMatch(/Probe:\n {2}The probe could not be reached/);
    expect(text).toMatch(
      /Missing:\n {2}- No second view from outside this browser: the probe could not be reached/,
    );
  });

  test('a certificate name cannot add lines or reorder the report', async () => {
    const spoof = await issue({
      name: 'spoof',
      subject: [{ CN: ['evil\nStatus: Valid: 400 days left\u202Etxt'] }],
      notBefore: new Date(pki.now - DAY_MS),
      notAfter: new Date(pki.now + 30.5 * DAY_MS),
      key: 'p256',
      dnsNames: ['spoof.localhost'],
    });
    const url = 'https://spoof.localhost/';
    const text = reportText(
      buildPopupView({
        record: tabRecord(url, { observation: observationOf([spoof.cert], url, { capturedAt: pki.now }) }),
        tabUrl: url,
        now: pki.now,
        probeEnabled: false,
      }),
    );
    expect(lines(text).filter((l) => l.startsWith('Status:'))).toEqual(['Status: Valid: 30 days left']);
    expect(text).toContain('evil\uFFFDStatus: Valid: 400 days left\uFFFDtxt');
  });

  test('frames from other sites: one line each, failing first', () => {
    const text = lines(report('framed'));
    const at = text.indexOf('Frames from other sites on this page:');
    expect(at).toBeGreaterThan(0);
    expect(text.slice(at + 1, at + 5).map((l) => l.replace(/ \(until .*$/, ''))).toEqual([
      '  - expired.localhost: certificate error (expired).',
      expect.stringMatching(/^ {2}- critical-90d\.localhost: certificate valid for \d+ more days?$/),
      expect.stringMatching(/^ {2}- hostile\.localhost: certificate valid for \d+ more days$/),
      expect.stringMatching(/^ {2}- valid-398d\.localhost: certificate valid for \d+ more days$/),
    ]);
    expect(report('valid')).not.toContain('Frames from other sites');
  });
});
