import type { z } from 'zod';
import type { Observation, Result } from '../types';
import { chainFromSecurityInfo } from './chain';
import { hostAndPort } from './host-and-port';
import { CT_STATUSES, OVERRIDE_CATEGORIES, pick, STATES } from './known-values';
import { securityInfoSchema } from './schema';

/** Why no Observation could be made: the browser gave nothing, or something that is not a SecurityInfo. */
export type SecurityInfoErrorCode = 'no_security_info' | 'invalid_security_info';

/** What the capture knows besides the security info itself. */
export interface SecurityInfoContext {
  url: string;
  /** Capture time, ms since epoch, local clock. */
  capturedAt: number;
  /** `details.ip` of onHeadersReceived. */
  serverIp?: string | null;
  /** `details.fromCache` of onHeadersReceived. */
  fromCache?: boolean;
  /** The response's `Date` header, verbatim. */
  dateHeader?: string | null;
  /** After an override `certificateChain: true` gives no certificates: the answer to `certificateChain: false`. */
  leafFallback?: unknown;
}

function fail(
  code: SecurityInfoErrorCode,
  message: string,
): { ok: false; error: { code: SecurityInfoErrorCode; message: string } } {
  return { ok: false, error: { code, message } };
}

function describeIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'the security info does not have the expected shape';
  const path = issue.path.length > 0 ? issue.path.join('.') : 'security info';
  return `${path}: ${issue.message}`;
}

/**
 * Turns an untrusted Firefox SecurityInfo into an Observation. Unknown keys are dropped; unknown enum values become
 * null. Each certificate is parsed from its rawDER; one that cannot be parsed is listed in `chainErrors` (index into
 * Firefox's list) and, when Firefox gave its subject and validity, kept in the chain as a summary made from Firefox's
 * own fields.
 */
export function observationFromSecurityInfo(
  info: unknown,
  context: SecurityInfoContext,
): Result<Observation, SecurityInfoErrorCode> {
  if (info === undefined || info === null) {
    return fail('no_security_info', 'the browser returned no security info for this request');
  }
  const parsed = securityInfoSchema.safeParse(info);
  if (!parsed.success) return fail('invalid_security_info', describeIssue(parsed.error));
  const target = hostAndPort(context.url);
  if (!target) return fail('invalid_security_info', 'the request URL is not a valid URL');
  const capturedAt = new Date(context.capturedAt);
  if (Number.isNaN(capturedAt.getTime()))
    return fail('invalid_security_info', 'capturedAt is not a valid time');

  const si = parsed.data;
  const { chain, chainErrors, builtInRoot } = chainFromSecurityInfo(si.certificates, context.leafFallback);
  return {
    ok: true,
    value: {
      source: context.fromCache ? 'cache' : 'handshake',
      url: context.url,
      host: target.host,
      port: target.port,
      capturedAt: capturedAt.toISOString(),
      state: pick(si.state, STATES) ?? 'unknown',
      protocolVersion: si.protocolVersion && si.protocolVersion !== 'unknown' ? si.protocolVersion : null,
      cipherSuite: si.cipherSuite ?? null,
      keaGroupName: si.keaGroupName ?? null,
      signatureSchemeName: si.signatureSchemeName ?? null,
      ctStatus: pick(si.certificateTransparencyStatus, CT_STATUSES),
      hsts: si.hsts ?? null,
      usedEch: si.usedEch ?? null,
      usedOcsp: si.usedOcsp ?? null,
      isExtendedValidation: si.isExtendedValidation ?? null,
      overriddenErrorCategory: pick(si.overridableErrorCategory, OVERRIDE_CATEGORIES),
      weaknessReasons:
        typeof si.weaknessReasons === 'string' ? [si.weaknessReasons] : (si.weaknessReasons ?? []),
      chain,
      builtInRoot,
      chainErrors,
      serverIp: context.serverIp ?? null,
      fromCache: context.fromCache ?? false,
      dateHeader: context.dateHeader ?? null,
    },
  };
}
