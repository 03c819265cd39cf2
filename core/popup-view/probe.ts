import type { CrossCheck } from '../cross-check';
import { parseInstant } from '../expiry';
import { CAUSE_LABELS, CAUSE_TITLES } from '../explain';
import { fingerprintPrefix } from '../fingerprint-prefix';
import { formatDate } from '../format';
import type { AddressReport, InspectReport } from '../probe-report';
import type { TabRecord } from '../tab-record';
import { displayText } from './labels';
import type { ProbeAddressView, ProbeSection } from './types';

type ProbeEntry = NonNullable<TabRecord['probe']>;

const EMPTY: Omit<ProbeSection, 'status' | 'message'> = {
  problem: null,
  errorCode: null,
  probedAt: null,
  probedAtText: null,
  cached: false,
  addresses: [],
  verdict: null,
  verdictText: null,
  findings: [],
};

const KEEPS_WORKING = 'The popup shows what your browser saw.';

/** What each probe client failure means for a person. The probe's own message follows, as text. */
const FAILURE_TEXT: Readonly<Record<string, string>> = {
  PROBE_OFF: 'The probe is off.',
  PROBE_UNREACHABLE:
    'The probe could not be reached: is it running, and is its address right in the options?',
  PROBE_TIMEOUT: 'The probe did not answer in time.',
  PROBE_BAD_ANSWER:
    'The probe answered something certglance cannot read (not a certglance probe, or another version).',
  PROBE_UNAUTHORIZED: 'The probe refused the request: check the token in the options.',
  PROBE_REFUSED: 'The probe refused to check this site.',
};

function addressStatus(a: AddressReport): string {
  if (a.ok && a.verification.trusted && a.verification.cause === null) return 'OK';
  if (a.verification.cause) return `Fails: ${CAUSE_LABELS[a.verification.cause]}`;
  if (a.error) return `Fails: ${displayText(a.error.message, 120)}`;
  return 'Fails: not trusted';
}

function addressView(a: AddressReport, check: CrossCheck | null, serverIp: string | null): ProbeAddressView {
  const leaf = a.chain[0];
  const notAfter = leaf ? parseInstant(leaf.notAfter) : null;
  const compared = check?.perAddress.find((p) => p.ip === a.ip);
  const fingerprint = leaf ? displayText(leaf.fingerprintSha256, 120) : null;
  return {
    ip: displayText(a.ip, 64),
    ok: a.ok && a.verification.trusted && a.verification.cause === null,
    status: addressStatus(a),
    fingerprintSha256: fingerprint,
    fingerprintPrefix: fingerprint ? fingerprintPrefix(fingerprint) : null,
    notAfter: leaf ? leaf.notAfter : null,
    notAfterText: notAfter === null ? null : formatDate(notAfter),
    agrees: check && check.verdict !== 'no_comparison' && compared ? compared.sameAsBrowser : null,
    browserAddress: serverIp !== null && a.ip === serverIp,
  };
}

function answered(report: InspectReport, check: CrossCheck | null, serverIp: string | null): ProbeSection {
  const probedAt = parseInstant(report.probedAt);
  const addresses = report.addresses.map((a) => addressView(a, check, serverIp));
  const failing = addresses.filter((a) => !a.ok).length;
  const reached =
    addresses.length === 0
      ? 'The probe found no address for this site.'
      : `The probe checked ${addresses.length} address${addresses.length === 1 ? '' : 'es'}` +
        (failing === 0
          ? ': all serve a certificate it trusts.'
          : `: ${failing} fail${failing === 1 ? 's' : ''}.`);
  const findings = (check?.findings ?? []).map((f) => ({
    cause: f.cause,
    title: CAUSE_TITLES[f.cause],
    detail: displayText(f.detail, 600),
  }));
  for (const c of report.summary.causes) {
    if (findings.some((f) => f.cause === c.cause)) continue;
    findings.push({ cause: c.cause, title: CAUSE_TITLES[c.cause], detail: displayText(c.detail, 600) });
  }
  return {
    ...EMPTY,
    status: 'answered',
    message: reached,
    probedAt: report.probedAt,
    probedAtText: probedAt === null ? null : formatDate(probedAt),
    cached: report.cached === true,
    addresses,
    verdict: check?.verdict ?? null,
    verdictText: check ? displayText(check.detail, 600) : null,
    findings,
  };
}

/**
 * The probe's part of the popup. A probe that is off, down, slow or talking nonsense is said in words; the popup
 * keeps showing the browser's own data. `check` is the cross-check of the browser's observation with the report.
 */
export function probeSection(input: {
  applicable: boolean;
  enabled: boolean;
  entry: ProbeEntry | undefined;
  check: CrossCheck | null;
  serverIp: string | null;
}): ProbeSection {
  const { entry } = input;
  if (!input.applicable) {
    return { ...EMPTY, status: 'not-applicable', message: 'The probe checks HTTPS sites only.' };
  }
  if (!input.enabled || entry?.error?.code === 'PROBE_OFF') {
    return {
      ...EMPTY,
      status: 'off',
      problem: FAILURE_TEXT.PROBE_OFF!,
      message:
        'The probe is off: set its address in the options to compare with a second view from outside this browser.',
    };
  }
  if (entry?.report) return answered(entry.report, input.check, input.serverIp);
  if (entry?.error) {
    const { code, message } = entry.error;
    const known = FAILURE_TEXT[code] ?? `The probe could not check this site (${displayText(code, 40)}).`;
    const details = displayText(message, 300).replace(/[.\s]+$/, '');
    return {
      ...EMPTY,
      status: 'failed',
      problem: known,
      errorCode: displayText(code, 40),
      message: `${known} ${details ? `(${details}.) ` : ''}${KEEPS_WORKING}`,
    };
  }
  return { ...EMPTY, status: 'waiting', message: 'The probe has not answered yet: Re-check asks it now.' };
}
