import type { Settings } from '@/browser/settings';
import type { ConnectionTestResult } from '@/components/Options';

/** How long "Test connection" waits for the probe. */
export const TEST_TIMEOUT_MS = 3000;

function isHealthy(body: unknown): boolean {
  return typeof body === 'object' && body !== null && (body as { status?: unknown }).status === 'ok';
}

/**
 * Calls the probe's GET /healthz with the token, waiting at most `timeoutMs`, and says what happened in words; with a
 * token, also checks that the probe accepts it. Never throws.
 */
export async function testProbeConnection(
  settings: Settings,
  options: { timeoutMs?: number; fetchImpl?: typeof fetch } = {},
): Promise<ConnectionTestResult> {
  const timeoutMs = options.timeoutMs ?? TEST_TIMEOUT_MS;
  if (!settings.probeUrl) return { ok: false, message: 'No probe address: the probe is off.' };
  let url: URL;
  try {
    url = new URL('/healthz', settings.probeUrl);
  } catch {
    return { ok: false, message: 'The probe address is not a URL: use http://host:port.' };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    return { ok: false, message: 'The probe address must start with http:// or https://.' };
  }
  const headers: Record<string, string> = { accept: 'application/json' };
  if (settings.probeToken) headers.authorization = `Bearer ${settings.probeToken}`;
  const started = performance.now();
  let response: Response;
  try {
    response = await (options.fetchImpl ?? fetch)(url, {
      headers,
      signal: AbortSignal.timeout(timeoutMs),
      credentials: 'omit',
      cache: 'no-store',
    });
  } catch (error) {
    const timedOut =
      error instanceof DOMException && (error.name === 'TimeoutError' || error.name === 'AbortError');
    return {
      ok: false,
      message: timedOut
        ? `The probe at ${url.origin} did not answer within ${timeoutMs / 1000} seconds.`
        : `The probe at ${url.origin} could not be reached: is it running, and is the address right?`,
    };
  }
  const ms = Math.round(performance.now() - started);
  if (response.status === 401) return { ok: false, message: `The probe at ${url.origin} refused the token.` };
  let body: unknown;
  try {
    body = JSON.parse((await response.text()).slice(0, 65_536));
  } catch {
    body = null;
  }
  if (!response.ok) {
    return {
      ok: false,
      message: `The probe at ${url.origin} answered with an error (HTTP ${response.status}).`,
    };
  }
  if (!isHealthy(body)) {
    return {
      ok: false,
      message: `Something answers at ${url.origin}, but it is not a certglance probe (no healthy /healthz answer).`,
    };
  }
  if (settings.probeToken && (await refusesToken(url, headers, timeoutMs, options.fetchImpl ?? fetch))) {
    return { ok: false, message: `The probe at ${url.origin} answers, but refuses the token.` };
  }
  return { ok: true, message: `Connected: the probe at ${url.origin} answers (${ms} ms).` };
}

/**
 * /healthz is open to all, so it cannot tell whether the token is right: ask /v1/inspect with no target, which the
 * probe refuses with 401 before anything else when the token is wrong (and with 400 when it is right).
 */
async function refusesToken(
  healthz: URL,
  headers: Record<string, string>,
  timeoutMs: number,
  doFetch: typeof fetch,
): Promise<boolean> {
  try {
    const response = await doFetch(new URL('/v1/inspect', healthz), {
      headers,
      signal: AbortSignal.timeout(timeoutMs),
      credentials: 'omit',
      cache: 'no-store',
    });
    await response.body?.cancel();
    return response.status === 401;
  } catch {
    return false;
  }
}
