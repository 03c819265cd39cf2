import { inspectReportSchema, probeErrorSchema, type InspectReport } from '@/core/probe-report';
import type { Settings } from './settings';

export type ProbeFailureCode =
  | 'PROBE_OFF'
  | 'PROBE_UNREACHABLE'
  | 'PROBE_TIMEOUT'
  | 'PROBE_BAD_ANSWER'
  | 'PROBE_REFUSED'
  | 'PROBE_UNAUTHORIZED';

export type ProbeResult =
  | { ok: true; report: InspectReport }
  | { ok: false; error: { code: ProbeFailureCode | string; message: string } };

/** Largest probe answer read; a report is a few kB. */
const MAX_BODY = 512 * 1024;

/** Asks the probe to inspect host:port. Never throws: a probe that is down, slow or talks nonsense is a result. */
export async function inspectViaProbe(
  settings: Pick<Settings, 'probeUrl' | 'probeToken'>,
  host: string,
  port: number,
  options: { timeoutMs?: number; fetchImpl?: typeof fetch } = {},
): Promise<ProbeResult> {
  if (!settings.probeUrl)
    return { ok: false, error: { code: 'PROBE_OFF', message: 'No probe is configured.' } };
  let url: URL;
  try {
    url = new URL('/v1/inspect', settings.probeUrl);
  } catch {
    return {
      ok: false,
      error: { code: 'PROBE_OFF', message: `The probe URL "${settings.probeUrl}" is not a URL.` },
    };
  }
  url.searchParams.set('host', host);
  url.searchParams.set('port', String(port));
  const headers: Record<string, string> = { accept: 'application/json' };
  if (settings.probeToken) headers.authorization = `Bearer ${settings.probeToken}`;
  const doFetch = options.fetchImpl ?? fetch;
  let response: Response;
  try {
    response = await doFetch(url, {
      headers,
      signal: AbortSignal.timeout(options.timeoutMs ?? 12_000),
      credentials: 'omit',
      cache: 'no-store',
    });
  } catch (error) {
    const timedOut = error instanceof DOMException && error.name === 'TimeoutError';
    return {
      ok: false,
      error: timedOut
        ? { code: 'PROBE_TIMEOUT', message: `The probe at ${url.origin} did not answer in time.` }
        : { code: 'PROBE_UNREACHABLE', message: `The probe at ${url.origin} could not be reached.` },
    };
  }
  let body: unknown;
  try {
    const text = await response.text();
    if (text.length > MAX_BODY) throw new Error('too large');
    body = JSON.parse(text);
  } catch {
    return badAnswer(url, `an unreadable answer (HTTP ${response.status})`);
  }
  if (response.ok) {
    const parsed = inspectReportSchema.safeParse(body);
    return parsed.success
      ? { ok: true, report: parsed.data }
      : badAnswer(url, 'a report in an unexpected shape');
  }
  const err = probeErrorSchema.safeParse(body);
  const message = err.success ? err.data.error.message.slice(0, 300) : `HTTP ${response.status}`;
  if (response.status === 401) return { ok: false, error: { code: 'PROBE_UNAUTHORIZED', message } };
  return {
    ok: false,
    error: { code: err.success ? err.data.error.code.slice(0, 40) : 'PROBE_REFUSED', message },
  };
}

function badAnswer(url: URL, what: string): ProbeResult {
  return {
    ok: false,
    error: { code: 'PROBE_BAD_ANSWER', message: `The probe at ${url.origin} sent ${what}.` },
  };
}
