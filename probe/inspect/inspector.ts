import { performance } from 'node:perf_hooks';
import type { SecureContext } from 'node:tls';
import { mapNodeError } from '../../core/error-map';
import { explain } from '../../core/explain';
import type { InspectReport } from '../../core/probe-report';
import type { InspectLimits, InspectTimeouts } from '../config';
import { checkAddress, type GuardPolicy } from '../guard';
import type { Target } from '../target';
import { timeoutFailure } from './failure';
import { inspectAddress } from './inspect-address';
import type { InspectFn } from './outcome';
import { capAddresses, systemResolver, type ResolvedAddress, type Resolver } from './resolve';
import { summarize } from './summarize';
import { createSummaryCache } from './chain-entries';
import { createTrustAnchors } from './trust-anchors';

export interface InspectorOptions {
  /** Built once (system roots plus extra CAs) and reused for every connection. */
  secureContext: SecureContext;
  /** The same extra CAs, to judge issuers downloaded from AIA (default none: Node's roots only). */
  extraCaPems?: readonly string[];
  resolver?: Resolver;
  /** The probe's wall clock. */
  now: () => number;
  policy: GuardPolicy;
  timeouts: InspectTimeouts;
  limits: InspectLimits;
}

/** Parsed certificates kept for reuse (a few KiB each). */
const PARSED_CERTIFICATES_KEPT = 2_000;

type Resolution =
  | { ok: true; addresses: ResolvedAddress[] }
  | { ok: false; code: string; message: string; cause: 'dns_failure' | 'timeout' };

async function resolveWithin(resolver: Resolver, host: string, ms: number): Promise<Resolution> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<Resolution>((resolve) => {
    timer = setTimeout(() => resolve({ ok: false, ...timeoutFailure('dns', ms), cause: 'timeout' }), ms);
  });
  const lookup = resolver(host).then(
    (addresses): Resolution =>
      addresses.length > 0
        ? { ok: true, addresses }
        : { ok: false, code: 'ENODATA', message: `${host} has no A or AAAA record`, cause: 'dns_failure' },
    (error: NodeJS.ErrnoException): Resolution => {
      const code = error.code ?? 'DNS_FAILED';
      const cause = mapNodeError(code).causes[0] === 'timeout' ? 'timeout' : 'dns_failure';
      return { ok: false, code, message: `${host} does not resolve (${code})`, cause };
    },
  );
  try {
    return await Promise.race([lookup, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

function unresolved(
  target: Target,
  probedAt: number,
  failure: Extract<Resolution, { ok: false }>,
): InspectReport {
  const { happened } = explain({ host: target.host, now: probedAt, causes: [failure.cause] });
  return {
    target: { host: target.host, port: target.port },
    probedAt: new Date(probedAt).toISOString(),
    addresses: [],
    summary: {
      status: 'error',
      earliestExpiry: null,
      consistent: true,
      causes: [
        { cause: failure.cause, detail: `${failure.message}. ${happened.join(' ')}`.trim(), addresses: [] },
      ],
    },
  };
}

/**
 * Creates the inspection: resolve (system resolver by default; IP targets skip it), cap the addresses, check every
 * one against the guard before any connection, then inspect all of them in parallel, each connection going to the
 * checked IP itself. Everything, resolution included, ends by the overall deadline.
 */
export function createInspector(options: InspectorOptions): InspectFn {
  const resolver = options.resolver ?? systemResolver;
  const anchors = createTrustAnchors(options.extraCaPems ?? []);
  const summaries = createSummaryCache(PARSED_CERTIFICATES_KEPT);
  return async (target) => {
    const deadlineAt = performance.now() + options.timeouts.deadlineMs;
    const probedAt = options.now();
    let addresses: ResolvedAddress[];
    if (target.ipFamily !== 0) {
      addresses = [{ address: target.host, family: target.ipFamily }];
    } else {
      const resolution = await resolveWithin(resolver, target.host, options.timeouts.deadlineMs);
      if (!resolution.ok) return { ok: true, report: unresolved(target, probedAt, resolution) };
      addresses = capAddresses(resolution.addresses, options.limits.maxAddresses);
    }
    for (const address of addresses) {
      const checked = checkAddress(address.address, options.policy);
      if (!checked.ok) return { ok: false, error: checked.error };
    }
    const context = { ...options, resolver, anchors, summaries, deadlineAt };
    const inspections = await Promise.all(
      addresses.map((address) => inspectAddress(target, address, context)),
    );
    const now = options.now();
    return {
      ok: true,
      report: {
        target: { host: target.host, port: target.port },
        probedAt: new Date(probedAt).toISOString(),
        addresses: inspections.map((i) => i.report),
        summary: summarize(target, inspections, now),
      },
    };
  };
}
