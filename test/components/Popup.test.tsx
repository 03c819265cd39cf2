import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeAll, describe, expect, test } from 'vitest';
import { Popup } from '@/components/Popup';
import { parseCertificate } from '@/core/certificate';
import { formatDate, formatDay } from '@/core/format';
import { buildPopupView, type PopupViewInput } from '@/core/popup-view';
import { reportText } from '@/core/report-text';
import { makeTestPki, type TestPki } from '../pki';
import { buildCases, type CaseName } from './fixtures/cases';
import { builtChain } from './fixtures/records';

let pki: TestPki;
let cases: Record<CaseName, PopupViewInput>;

beforeAll(async () => {
  pki = await makeTestPki();
  cases = await buildCases(pki);
}, 60_000);

afterEach(cleanup);

/** Renders the popup for a case; returns what was copied and how often Re-check was pressed. */
function show(name: CaseName, props: { tabId?: number | null; copyWorks?: boolean } = {}) {
  const copied: string[] = [];
  const rechecks: number[] = [];
  const view = buildPopupView(cases[name]);
  const result = render(
    <Popup
      view={view}
      tabId={props.tabId === undefined ? 12 : props.tabId}
      onRecheck={() => {
        rechecks.push(1);
      }}
      onCopy={async (text) => {
        copied.push(text);
        return props.copyWorks ?? true;
      }}
    />,
  );
  return { ...result, view, copied, rechecks };
}

/** All the text a person can read, whitespace collapsed. */
function readable(container: Element): string {
  return (container.textContent ?? '').replace(/\s+/g, ' ');
}

function fingerprint(der: Uint8Array): string {
  const parsed = parseCertificate(der);
  if (!parsed.ok) throw new Error('test certificate does not parse');
  return parsed.value.fingerprintSha256;
}

const date = (d: Date) => formatDate(d.getTime());

const FAILURES: [CaseName, string, () => string][] = [
  [
    'expired',
    'Certificate expired',
    () => `expired 2 days ago, on ${date(pki.scenarios.expired.leaf.notAfter)}`,
  ],
  [
    'not-yet-valid',
    'Certificate not valid yet',
    () => `is valid from ${date(pki.scenarios['not-yet-valid'].leaf.notBefore)}`,
  ],
  [
    'expired-intermediate',
    'Intermediate certificate expired',
    () => `expired yesterday, on ${date(pki.expiredIntermediate.notAfter)}`,
  ],
  ['wrong-host', 'Certificate does not cover this name', () => "covers: 'other-name.localhost'"],
  [
    'self-signed',
    'Self-signed certificate',
    () => `Its SHA-256 fingerprint is '${fingerprint(pki.scenarios['self-signed'].leaf.der)}'`,
  ],
  ['unknown-issuer', 'Certificate issuer not known', () => "'certglance Untrusted Intermediate'"],
  [
    'override-expired',
    'Certificate expired',
    () => 'You clicked through the certificate warning for expired.localhost',
  ],
  [
    'clock-wrong-failure',
    "Your computer's clock is wrong",
    () => `the correct time is about ${formatDay(pki.now)}`,
  ],
];

describe('Popup: each failure shows its explanation, with dates', () => {
  test.each(FAILURES)('%s', (name, title, fact) => {
    const { container } = show(name);
    expect(screen.getByRole('heading', { level: 2, name: title })).toBeTruthy();
    expect(readable(container)).toContain(fact());
    expect(screen.getByText(title, { selector: '.headline' })).toBeTruthy();
    expect(screen.getAllByText('Certificate error').length).toBeGreaterThan(0);
  });
});

describe('Popup: at a glance', () => {
  test.each([
    ['valid', 'Valid'],
    ['renewal-due', 'Renewal due'],
    ['warn', 'Renew soon'],
    ['critical', 'Renew now'],
    ['http', 'Not HTTPS'],
  ] as const)('%s: the level is written as a word, not only a colour', (name, label) => {
    const { container } = show(name);
    const badge = container.querySelector('header .level');
    expect(badge?.textContent).toContain(label);
  });

  test('a valid site: the days left and the expiry date of the earliest-expiring certificate', () => {
    const { view, container } = show('valid');
    expect(view.headline).toMatch(/^\d+ days left$/);
    expect(screen.getByText(view.headline)).toBeTruthy();
    expect(readable(container)).toContain(`on ${date(pki.scenarios['valid-398d'].leaf.notAfter)}`);
  });

  test('a wrong local clock is shown even when the page loaded', () => {
    const { container } = show('clock-wrong-secure');
    expect(readable(container)).toContain('Your clock is 3 days ahead');
    expect(screen.getByRole('heading', { level: 2, name: "Your computer's clock is wrong" })).toBeTruthy();
  });
});

describe('Popup: the chain', () => {
  test('every certificate with its names, validity and SHA-256 fingerprint in a copyable code', async () => {
    const { container, copied } = show('valid');
    const chain = builtChain(pki, pki.scenarios['valid-398d']);
    const items = within(
      screen.getByRole('list', { name: 'Certificates, server certificate first' }),
    ).getAllByRole('listitem');
    expect(items).toHaveLength(chain.length);
    expect(readable(container)).toContain('Names: DNS: valid-398d.localhost');
    for (const cert of chain) {
      const code = screen.getByText(fingerprint(cert.der), { selector: 'code' });
      expect(code).toBeTruthy();
    }
    const leafCopy = screen.getByRole('button', { name: 'Copy SHA-256 fingerprint of valid-398d.localhost' });
    fireEvent.click(leafCopy);
    await waitFor(() => expect(leafCopy.textContent).toBe('Copied'));
    expect(copied).toEqual([fingerprint(pki.scenarios['valid-398d'].leaf.der)]);
  });

  test('the validity bar marks today and says so in words', () => {
    show('chromium-secure');
    const bars = screen.getAllByRole('img');
    const leafBar = bars[0]!;
    expect(leafBar.getAttribute('aria-label')).toMatch(/today is at 33\.\d% of it/);
    const today = leafBar.querySelector<HTMLElement>('.validity-today');
    expect(today?.style.left).toMatch(/^33\.\d%$/);
  });

  test('a hostile subject is rendered as literal text, never as markup', () => {
    const { container } = show('hostile');
    expect(container.querySelector('img')).toBeNull();
    expect(container.querySelector('b')).toBeNull();
    expect(screen.getAllByText('<img src=x onerror=alert(1)>').length).toBeGreaterThan(0);
    expect(readable(container)).toContain('O=\\<b\\>bold\\</b\\>');
  });
});

describe('Popup: the probe', () => {
  test('an address that serves another certificate is named, with text and not only colour', () => {
    show('disagreeing-backends');
    const probe = screen.getByRole('heading', { name: 'Probe' }).closest('section')!;
    const addresses = within(probe).getAllByRole('listitem');
    const odd = addresses.find((li) => li.textContent?.includes('127.0.0.2'));
    expect(odd?.textContent).toContain('Fails: expired');
    expect(odd?.textContent).toContain('Different certificate from your browser');
    expect(odd?.textContent).toContain(`valid until ${date(pki.scenarios.expired.leaf.notAfter)}`);
    const own = addresses.find((li) => li.textContent?.includes('127.0.0.1'));
    expect(own?.textContent).toContain('(your browser connected here)');
    expect(own?.textContent).toContain('Same certificate as your browser');
    expect(
      screen.getByRole('heading', { level: 2, name: 'Servers disagree on the certificate' }),
    ).toBeTruthy();
  });

  test.each([
    ['probe-down', 'The probe could not be reached'],
    ['probe-off', 'The probe is off'],
    ['probe-waiting', 'The probe has not answered yet'],
  ] as const)('%s: the popup says so and still shows the browser’s chain', (name, message) => {
    const { container } = show(name);
    expect(readable(container)).toContain(message);
    expect(readable(container)).toContain('As your browser built it');
    expect(screen.getByText('valid-398d.localhost', { selector: '.certificate-name' })).toBeTruthy();
  });

  test('interception: the browser’s certificate differs from the one the site serves', () => {
    const { container } = show('interception');
    expect(screen.getByRole('heading', { level: 2, name: 'Connection may be intercepted' })).toBeTruthy();
    expect(readable(container)).toContain('Different certificate from your browser');
  });
});

describe('Popup: frames from other sites', () => {
  test('listed with their level in words, failing first; none listed for a page without', () => {
    show('framed');
    const section = screen.getByRole('region', { name: 'Frames from other sites' });
    const items = within(section).getAllByRole('listitem');
    expect(items.map((li) => li.querySelector('.frame-host')?.textContent)).toEqual([
      'expired.localhost',
      'critical-90d.localhost',
      'hostile.localhost',
      'valid-398d.localhost',
    ]);
    expect(items[0]!.textContent).toContain('Certificate error');
    expect(items[0]!.textContent).toContain('expired.localhost: certificate error (expired).');
    expect(items[1]!.textContent).toContain('Renew now');
    cleanup();
    show('valid');
    expect(screen.queryByRole('region', { name: 'Frames from other sites' })).toBeNull();
  });
});

describe('Popup: controls', () => {
  test('every control is a real button, link or disclosure, reachable with the keyboard', () => {
    const { container } = show('valid');
    const controls = [...container.querySelectorAll<HTMLElement>('button, a[href]')];
    expect(controls.map((c) => c.textContent)).toEqual(
      expect.arrayContaining(['Re-check', 'Copy report', 'Open in a tab', 'Copy']),
    );
    for (const control of controls) {
      expect(control.tabIndex).toBeGreaterThanOrEqual(0);
      control.focus();
      expect(document.activeElement).toBe(control);
    }
    // Disclosures are native <details>/<summary>, which browsers make keyboard-operable.
    const summaries = [...container.querySelectorAll('summary')];
    expect(summaries.length).toBeGreaterThan(0);
    for (const summary of summaries) expect(summary.parentElement?.firstElementChild).toBe(summary);
    expect(container.querySelectorAll('[role="button"], [tabindex="-1"]')).toHaveLength(0);
    expect(container.querySelectorAll('button:not([type="button"]):not([type="submit"])')).toHaveLength(0);
  });

  test('Copy report puts the plain-text report on the clipboard and says so', async () => {
    const { view, copied } = show('expired');
    fireEvent.click(screen.getByRole('button', { name: 'Copy report' }));
    await waitFor(() =>
      expect(screen.getByRole('status').textContent).toBe('Report copied to the clipboard.'),
    );
    expect(copied).toEqual([reportText(view)]);
    expect(copied[0]).toContain('Problem: Certificate expired (error)');
  });

  test('a refused clipboard is said in words', async () => {
    show('valid', { copyWorks: false });
    fireEvent.click(screen.getByRole('button', { name: 'Copy report' }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toMatch(/Could not copy the report/));
  });

  test('Re-check asks again; Open in a tab keeps the tab id', () => {
    const { rechecks } = show('valid', { tabId: 42 });
    fireEvent.click(screen.getByRole('button', { name: 'Re-check' }));
    expect(rechecks).toHaveLength(1);
    expect(screen.getByRole('link', { name: 'Open in a tab' }).getAttribute('href')).toBe(
      'popup.html?tabId=42',
    );
  });

  test('no Re-check where the probe has nothing to do; no link without a tab', () => {
    show('http', { tabId: null });
    expect(screen.queryByRole('button', { name: 'Re-check' })).toBeNull();
    expect(screen.queryByRole('link', { name: 'Open in a tab' })).toBeNull();
  });
});
