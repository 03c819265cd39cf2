import { describe, expect, test } from 'vitest';
import { CAUSES, type Cause } from '../../../core/causes';
import { mapError } from '../../../core/error-map';
import { CAUSE_TITLES, explain, type ExplainInput, type Explanation } from '../../../core/explain';
import type { CertSummary, ClockEstimate } from '../../../core/types';

/** 16 June 2026, 10:32 UTC: every date below is fixed relative to it. */
const NOW = Date.UTC(2026, 5, 16, 10, 32);
const HOST = 'example.com';
const DAY = 86_400_000;

function cert(fields: Partial<CertSummary> & { commonName: string }): CertSummary {
  return {
    subject: `CN=${fields.commonName}`,
    issuer: 'CN=R3,O=Example CA',
    sans: [{ type: 'dns', value: HOST }],
    notBefore: '2026-04-01T10:32:00.000Z',
    notAfter: '2026-07-16T10:32:00.000Z',
    serialNumber: '0A1B2C',
    fingerprintSha256: Array(32).fill('AB').join(':'),
    spkiSha256: 'q1w2e3r4t5y6u7i8o9p0q1w2e3r4t5y6u7i8o9p0abc=',
    key: { type: 'RSA', bits: 2048 },
    signatureAlgorithm: 'sha256WithRSAEncryption',
    isCA: false,
    selfIssued: false,
    authorityKeyId: null,
    subjectKeyId: null,
    ocspUrls: [],
    caIssuerUrls: [],
    sctCount: 2,
    ...fields,
  };
}

const leaf = cert({ commonName: HOST });
const expiredLeaf = cert({
  commonName: HOST,
  notBefore: '2026-03-16T10:32:00.000Z',
  notAfter: '2026-06-14T10:32:00.000Z',
});
const futureLeaf = cert({
  commonName: HOST,
  notBefore: '2026-06-19T10:32:00.000Z',
  notAfter: '2026-09-17T10:32:00.000Z',
});
const r3 = cert({
  commonName: 'R3',
  subject: 'CN=R3,O=Example CA',
  issuer: 'CN=Example Root',
  sans: [],
  notBefore: '2024-01-01T00:00:00.000Z',
  notAfter: '2027-01-01T00:00:00.000Z',
  isCA: true,
});
const expiredR3 = { ...r3, notAfter: '2026-06-15T10:32:00.000Z' };
const root = cert({
  commonName: 'Example Root',
  subject: 'CN=Example Root',
  issuer: 'CN=Example Root',
  sans: [],
  notBefore: '2020-01-01T00:00:00.000Z',
  notAfter: '2035-01-01T00:00:00.000Z',
  isCA: true,
  selfIssued: true,
});

const clock = (skewMs: number, uncertaintyMs = 400): ClockEstimate => ({
  skewMs,
  uncertaintyMs,
  basis: 'http-date',
});

function run(causes: Cause[], extra: Partial<ExplainInput> = {}): Explanation {
  return explain({ host: HOST, now: NOW, causes, ...extra });
}

function text(e: Explanation, field: keyof Explanation = 'happened'): string {
  const value = e[field];
  return Array.isArray(value) ? value.join('\n') : String(value);
}

/** [cause, input, substrings "what happened" must contain, severity]. */
const EVERY_CAUSE: [Cause, Partial<ExplainInput>, string[], Explanation['severity']][] = [
  [
    'expired',
    { chain: [expiredLeaf, r3] },
    ['The certificate for example.com expired 2 days ago, on 14 June 2026, 10:32 UTC.', "issued by 'R3'"],
    'error',
  ],
  [
    'not_yet_valid',
    { chain: [futureLeaf, r3] },
    ['The certificate for example.com is valid from 19 June 2026, 10:32 UTC; that is in 3 days.'],
    'error',
  ],
  [
    'issuer_expired',
    { chain: [leaf, expiredR3, root], depth: 1 },
    [
      "The intermediate 'R3' expired yesterday, on 15 June 2026, 10:32 UTC.",
      'It sits at depth 1 of the chain',
      'The certificate for example.com itself is valid until 16 July 2026, 10:32 UTC.',
    ],
    'error',
  ],
  [
    'hostname_mismatch',
    {
      chain: [
        cert({
          commonName: 'other.example',
          sans: [
            { type: 'dns', value: 'other.example' },
            { type: 'dns', value: 'www.other.example' },
          ],
        }),
      ],
    },
    ["covers: 'other.example', 'www.other.example'.", 'None of these is example.com.'],
    'error',
  ],
  [
    'self_signed',
    { chain: [{ ...root, commonName: 'router.lan', subject: 'CN=router.lan', issuer: 'CN=router.lan' }] },
    [
      "'router.lan' issued it to itself",
      `SHA-256 fingerprint is '${Array(32).fill('AB').join(':')}'`,
      'valid from 1 January 2020, 00:00 UTC until 1 January 2035, 00:00 UTC',
    ],
    'error',
  ],
  [
    'unknown_issuer',
    { chain: [leaf, { ...r3, issuer: 'CN=Corp Private Root' }] },
    ["ends at 'R3', issued by 'CN=Corp Private Root'"],
    'error',
  ],
  [
    'incomplete_chain',
    { chain: [{ ...leaf, caIssuerUrls: ['http://r3.example/cert'] }] },
    ["sent 1 certificate: 'example.com'.", "'CN=R3,O=Example CA', is missing", "'http://r3.example/cert'"],
    'error',
  ],
  [
    'untrusted_root',
    { chain: [leaf, r3, { ...root, commonName: 'Old Root' }] },
    ["ends at the root 'Old Root', which this browser does not trust"],
    'error',
  ],
  [
    'revoked',
    { chain: [{ ...leaf, serialNumber: 'DEADBEEF' }, r3] },
    ["serial number 'DEADBEEF'", "issued by 'R3' and would be valid until 16 July 2026, 10:32 UTC"],
    'error',
  ],
  [
    'weak_signature',
    { chain: [{ ...leaf, signatureAlgorithm: 'sha1WithRSAEncryption' }] },
    ["The certificate for example.com is signed with 'sha1WithRSAEncryption'"],
    'error',
  ],
  [
    'weak_key',
    { chain: [{ ...leaf, key: { type: 'RSA', bits: 1024 } }] },
    ["The certificate for example.com has a 1024-bit 'RSA' key", 'at least 2048 bits'],
    'error',
  ],
  [
    'validity_too_long',
    { chain: [{ ...leaf, notBefore: '2026-01-01T00:00:00.000Z', notAfter: '2028-01-01T00:00:00.000Z' }] },
    ['valid from 1 January 2026, 00:00 UTC until 1 January 2028, 00:00 UTC: 730 days.', 'at most 398 days'],
    'error',
  ],
  [
    'ct_required',
    { chain: [{ ...leaf, sctCount: 1 }] },
    ['carries 1 embedded Certificate Transparency proof (SCTs)'],
    'error',
  ],
  [
    'pinning_failure',
    { chain: [leaf] },
    ["public key SHA-256 'q1w2e3r4t5y6u7i8o9p0q1w2e3r4t5y6u7i8o9p0abc='", 'pinned public keys'],
    'error',
  ],
  [
    'protocol_mismatch',
    {},
    ['The browser and the server for example.com share no TLS version or cipher suite'],
    'error',
  ],
  ['handshake_failure', {}, ['The TLS handshake with example.com failed'], 'error'],
  [
    'local_clock_wrong',
    { chain: [expiredLeaf], clock: clock(3 * DAY) },
    [
      "Your computer's clock is 3 days ahead",
      'It reads 16 June 2026, 10:32 UTC; the correct time is about 13 June 2026, 10:32 UTC.',
      'The site is fine',
    ],
    'error',
  ],
  [
    'server_clock_skew',
    { clock: clock(2 * 3_600_000) },
    ['The clock of the server for example.com is 2 hours behind'],
    'warning',
  ],
  [
    'inconsistent_backends',
    {
      addresses: [
        { ip: '192.0.2.1', fingerprintSha256: 'AA:BB', cause: null },
        { ip: '192.0.2.2', fingerprintSha256: 'CC:DD', cause: 'expired' },
      ],
    },
    [
      'example.com is served from 2 addresses',
      "'192.0.2.1' serves the certificate 'AA:BB'.",
      "'192.0.2.2' serves the certificate 'CC:DD', with a problem: expired.",
    ],
    'error',
  ],
  [
    'interception_suspected',
    {
      chain: [
        { ...leaf, issuer: 'CN=Inspection CA' },
        { ...r3, commonName: 'Inspection CA' },
      ],
    },
    ["It is 'example.com', issued by 'Inspection CA'.", 'replaced between this computer and the site'],
    'error',
  ],
  ['connection_failed', {}, ['The browser could not connect to example.com'], 'error'],
  ['dns_failure', {}, ['The name example.com could not be resolved to an address.'], 'error'],
  ['timeout', {}, ['The connection to example.com timed out'], 'error'],
];

describe('explain: every cause', () => {
  test('the table covers all causes', () => {
    expect(EVERY_CAUSE.map(([cause]) => cause).sort()).toEqual([...CAUSES].sort());
  });

  test.each(EVERY_CAUSE)('%s', (cause, extra, facts, severity) => {
    const e = run([cause], extra);
    expect(e.cause).toBe(cause);
    expect(e.title).toBe(CAUSE_TITLES[cause]);
    for (const fact of facts) expect(text(e)).toContain(fact);
    expect(e.reasons.length).toBeGreaterThan(0);
    expect(e.adminActions.length).toBeGreaterThan(0);
    expect(e.ownerActions.length).toBeGreaterThan(0);
    expect(e.severity).toBe(severity);
  });

  test.each(EVERY_CAUSE)('%s without a chain still says what happened', (cause) => {
    const e = run([cause]);
    expect(e.cause).toBe(cause);
    expect(text(e)).toContain(HOST);
  });
});

const DATE_INVALID: Cause[] = ['expired', 'not_yet_valid', 'issuer_expired', 'local_clock_wrong'];

describe("Chromium's ERR_CERT_DATE_INVALID", () => {
  test('without a certificate: what is known, what it can be, what would tell', () => {
    const e = run(DATE_INVALID, { raw: 'net::ERR_CERT_DATE_INVALID' });
    expect(e.cause).toBeNull();
    expect(e.title).toBe('Certificate date problem (expired, not yet valid, or your clock)');
    expect(text(e)).toContain(
      "The browser judged the dates of the certificate for example.com invalid at this computer's time, 16 June 2026, 10:32 UTC.",
    );
    expect(text(e)).toContain('The error reported: "net::ERR_CERT_DATE_INVALID".');
    expect(e.reasons).toEqual([
      'The certificate has expired.',
      'The certificate is not valid yet.',
      'An intermediate certificate in the chain has expired.',
      "Your computer's clock is wrong: a valid certificate then looks expired or not yet valid.",
    ]);
    expect(text(e, 'unknowns')).toContain("the certglance probe's report of example.com shows its dates");
    expect(text(e, 'unknowns')).toContain('compare the system clock with a time source');
    expect(e.adminActions[0]).toContain('Check your computer');
    expect(e.ownerActions.every((a) => a.startsWith('If '))).toBe(true);
    expect(e.severity).toBe('error');
  });

  test.each([
    ['an expired leaf', [expiredLeaf, r3], 'expired', 'expired 2 days ago, on 14 June 2026, 10:32 UTC'],
    [
      'an expired intermediate',
      [leaf, expiredR3, root],
      'issuer_expired',
      "'R3' expired yesterday, on 15 June 2026",
    ],
    [
      'a leaf not valid yet',
      [futureLeaf, r3],
      'not_yet_valid',
      'valid from 19 June 2026, 10:32 UTC; that is in 3 days',
    ],
  ] as const)('with a chain showing %s, the chain tells', (_label, chain, cause, fact) => {
    const e = run(DATE_INVALID, { chain });
    expect(e.cause).toBe(cause);
    expect(text(e)).toContain(fact);
  });

  test('a chain valid at local time stays ambiguous and shows its dates', () => {
    const e = run(DATE_INVALID, { chain: [leaf, r3] });
    expect(e.cause).toBeNull();
    expect(text(e)).toContain('valid from 1 April 2026, 10:32 UTC until 16 July 2026, 10:32 UTC');
  });

  test('a clock shown right takes the clock off the list', () => {
    const e = run(DATE_INVALID, { clock: clock(800) });
    expect(e.cause).toBeNull();
    expect(e.title).toBe('Certificate date problem (expired, not yet valid, or an expired intermediate)');
    expect(text(e)).toContain("Your computer's clock is right");
    expect(e.adminActions[0]).toBe("Your computer's clock is not at fault.");
    expect(text(e, 'reasons')).not.toContain('clock');
  });

  test('a clock far off, without a chain, is named as enough to explain it', () => {
    const e = run(DATE_INVALID, { clock: clock(-3 * DAY) });
    expect(e.cause).toBeNull();
    expect(text(e)).toContain("Your computer's clock is 3 days behind");
    expect(text(e)).toContain('That alone can explain the error.');
  });
});

describe('your clock or the site', () => {
  test('a valid certificate that only looks expired because the clock is ahead: the site is not blamed', () => {
    const e = run(['expired'], { chain: [expiredLeaf, r3], clock: clock(3 * DAY) });
    expect(e.cause).toBe('local_clock_wrong');
    expect(text(e)).toContain('The site is fine');
    expect(text(e)).toContain("Your computer's clock is 3 days ahead");
    expect(text(e, 'ownerActions')).toMatch(/^Nothing/);
    expect(text(e, 'ownerActions')).not.toMatch(/renew|reissue|install/i);
  });

  test('a certificate not valid yet only because the clock is behind: the site is not blamed', () => {
    const e = run(['not_yet_valid'], { chain: [futureLeaf, r3], clock: clock(-5 * DAY) });
    expect(e.cause).toBe('local_clock_wrong');
    expect(text(e)).toContain("Your computer's clock is 5 days behind");
    expect(text(e, 'ownerActions')).not.toMatch(/reissue|serve/i);
  });

  test('an expired certificate with the clock shown right: the user is not blamed', () => {
    const e = run(['expired'], { chain: [expiredLeaf, r3], clock: clock(800) });
    expect(e.cause).toBe('expired');
    expect(text(e)).toContain("Your computer's clock is right: it agrees with the server's HTTP Date header");
    expect(text(e)).not.toMatch(/clock is .* (ahead|behind)/);
    expect(e.adminActions[0]).toBe(
      "Your computer's clock is not at fault: there is nothing to fix on your side.",
    );
    expect(e.ownerActions[0]).toContain('Renew the certificate for example.com');
    expect(e.ownerActions[0]).toContain('14 June 2026, 10:32 UTC');
    expect(e.unknowns).toEqual([]);
  });

  test('an expired certificate without a clock comparison: the clock is not cleared, and what would tell is said', () => {
    const e = run(['expired'], { chain: [expiredLeaf, r3] });
    expect(e.cause).toBe('expired');
    expect(text(e, 'adminActions')).not.toContain('not at fault');
    expect(text(e, 'unknowns')).toContain("Whether your computer's clock is right");
    expect(text(e, 'unknowns')).toContain(
      'If it is ahead by more than 2 days, the certificate only looks expired.',
    );
  });

  test('a clock that is off but does not explain the failure: the site is still at fault', () => {
    const e = run(['expired'], { chain: [expiredLeaf, r3], clock: clock(2 * 3_600_000) });
    expect(e.cause).toBe('expired');
    expect(text(e)).toContain("Your computer's clock is 2 hours ahead");
    expect(text(e, 'adminActions')).toContain('that is not why this fails');
    expect(e.ownerActions[0]).toContain('Renew');
  });

  test('the local clock explanation names the certificate dates it makes look wrong', () => {
    const e = run(['local_clock_wrong'], { chain: [expiredLeaf], clock: clock(3 * DAY) });
    expect(text(e)).toContain('valid from 16 March 2026, 10:32 UTC until 14 June 2026, 10:32 UTC');
  });

  test('a wrong server clock does not make the user fix theirs', () => {
    const e = run(['server_clock_skew'], { clock: clock(-10 * 60_000) });
    expect(text(e)).toContain('is 10 minutes ahead');
    expect(e.adminActions[0]).toContain('Nothing to do on your computer');
  });
});

describe('depth from the chain', () => {
  test('an expired intermediate reported as a plain expiry (OpenSSL) is named as the intermediate', () => {
    const e = run(['expired'], { chain: [leaf, expiredR3, root] });
    expect(e.cause).toBe('issuer_expired');
    expect(text(e)).toContain("The intermediate 'R3' expired yesterday");
  });

  test('an intermediate not valid yet is named at its depth', () => {
    const e = run(['not_yet_valid'], { chain: [leaf, { ...r3, notBefore: '2026-06-26T10:32:00.000Z' }] });
    expect(text(e)).toContain(
      "The intermediate 'R3' is valid from 26 June 2026, 10:32 UTC; that is in 10 days.",
    );
  });
});

describe('untrusted chains', () => {
  const AUTHORITY: Cause[] = ['unknown_issuer', 'self_signed', 'incomplete_chain', 'untrusted_root'];

  test("Chromium's ERR_CERT_AUTHORITY_INVALID without a chain", () => {
    const e = run(AUTHORITY);
    expect(e.cause).toBeNull();
    expect(e.title).toBe(
      'Certificate not trusted (unknown issuer, self-signed, incomplete chain, or untrusted root)',
    );
    expect(e.reasons).toHaveLength(4);
    expect(text(e, 'unknowns')).toContain("the certglance probe's report of example.com");
  });

  test("Firefox's SEC_ERROR_UNKNOWN_ISSUER", () => {
    const e = run(mapError('SEC_ERROR_UNKNOWN_ISSUER').causes);
    expect(e.title).toBe('Certificate not trusted (unknown issuer or incomplete chain)');
  });

  test('a lone self-issued certificate settles it: self-signed', () => {
    const e = run(AUTHORITY, { chain: [root] });
    expect(e.cause).toBe('self_signed');
  });
});

describe('unrecognised', () => {
  test.each(['net::ERR_SOMETHING_NEW', 'Le certificat a un problème', 'Error code 12345'])('%j', (raw) => {
    const m = mapError(raw);
    const e = run(m.causes, { raw });
    expect(e.cause).toBeNull();
    expect(e.title).toBe('Unrecognised error');
    expect(text(e)).toContain(`The error reported: "${raw}".`);
    expect(text(e, 'unknowns')).toContain(`What the error '${raw}' means`);
    expect(e.severity).toBe('warning');
  });

  test('no error at all', () => {
    const e = run([]);
    expect(e.title).toBe('Unrecognised error');
    expect(text(e, 'unknowns')).toContain('no error was reported');
  });
});

describe('overridden', () => {
  test('the user clicked through: said first, and the site still fails', () => {
    const e = run(['expired'], { chain: [expiredLeaf, r3], overridden: true });
    expect(e.happened[0]).toBe(
      'You clicked through the certificate warning for example.com: the page is shown, but the site is still failing.',
    );
    expect(e.happened[1]).toContain('expired 2 days ago');
    expect(e.adminActions.at(-1)).toContain('remove the exception');
    expect(e.severity).toBe('error');
    expect(e.cause).toBe('expired');
  });

  test('not overridden: nothing said about it', () => {
    expect(text(run(['expired'], { chain: [expiredLeaf] }))).not.toContain('clicked through');
  });
});

describe('hostile certificate text', () => {
  const hostile = `<img src=x onerror=alert(1)>\n\u202Egnp.exe'; DROP TABLE certs; --${'A'.repeat(500)}`;
  const quoted = `'${hostile.slice(0, 199)}…'`;

  test.each([
    ['self_signed', [cert({ commonName: hostile, selfIssued: true })]],
    ['hostname_mismatch', [cert({ commonName: 'x', sans: [{ type: 'dns', value: hostile }] })]],
    ['unknown_issuer', [cert({ commonName: 'x', issuer: hostile })]],
    ['weak_signature', [cert({ commonName: 'x', signatureAlgorithm: hostile })]],
  ] as const)('%s: quoted as-is, cut to 200 characters', (cause, chain) => {
    const all = text(run([cause], { chain }));
    expect(all).toContain(quoted);
    expect(all).not.toContain(hostile.slice(0, 200));
  });

  test('astral characters are not split', () => {
    const e = run(['self_signed'], { chain: [cert({ commonName: '😀'.repeat(300), selfIssued: true })] });
    expect(text(e)).toContain(`'${'😀'.repeat(199)}…'`);
    expect(text(e)).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
  });

  test('an absurdly long raw error is cut too', () => {
    const e = run([], { raw: 'z'.repeat(5000) });
    expect(text(e)).toContain(`"${'z'.repeat(199)}…"`);
    expect(text(e)).not.toContain('z'.repeat(200));
  });
});

describe('inconsistent backends', () => {
  test('all addresses fine but different: a warning', () => {
    const e = run(['inconsistent_backends'], {
      addresses: [
        { ip: '192.0.2.1', fingerprintSha256: 'AA:BB' },
        { ip: '192.0.2.2', fingerprintSha256: 'CC:DD' },
      ],
    });
    expect(e.severity).toBe('warning');
    expect(e.ownerActions[0]).toBe(
      'Install the same, current certificate and chain on every server behind example.com.',
    );
  });

  test('the failing addresses are named for the owner', () => {
    const e = run(['inconsistent_backends'], {
      addresses: [
        { ip: '192.0.2.1', fingerprintSha256: 'AA:BB' },
        { ip: '192.0.2.2', cause: 'expired' },
      ],
    });
    expect(text(e)).toContain("'192.0.2.2' serves no certificate, with a problem: expired.");
    expect(e.ownerActions[0]).toContain("starting with '192.0.2.2'");
  });
});
