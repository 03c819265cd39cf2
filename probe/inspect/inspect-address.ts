import { performance } from 'node:perf_hooks';
import type { SecureContext } from 'node:tls';
import type { Cause } from '../../core/causes';
import { estimateClockSkew, isLocalClockWrong, parseHttpDate } from '../../core/clock';
import type { AddressReport } from '../../core/probe-report';
import type { CertSummary, ClockEstimate } from '../../core/types';
import type { InspectLimits, InspectTimeouts } from '../config';
import type { Target } from '../target';
import { chainEntry, parseChain, type SummaryCache } from './chain-entries';
import { connectTls } from './connect-tls';
import type { AddressFailure } from './failure';
import { peerChain } from './peer-chain';
import { readHttpDate, type HttpDateReading } from './read-http-date';
import type { ResolvedAddress, Resolver } from './resolve';
import { narrowIssuerCause } from './narrow-issuer';
import type { TrustAnchors } from './trust-anchors';
import type { GuardPolicy } from '../guard';
import { verifyChain, type CertFinding } from './verify';

/** Server clocks further off the probe's than this (beyond the measurement's uncertainty) are server_clock_skew. */
export const SERVER_SKEW_THRESHOLD_MS = 5 * 60_000;

export interface AddressContext {
  secureContext: SecureContext;
  /** Parsed certificates, reused across inspections. */
  summaries: SummaryCache;
  /** Trusted certificates, to judge an issuer downloaded from AIA. */
  anchors: TrustAnchors;
  /** For AIA downloads: the same resolver and guard as the target. */
  resolver: Resolver;
  policy: GuardPolicy;
  timeouts: InspectTimeouts;
  limits: InspectLimits;
  /** The probe's wall clock. */
  now: () => number;
  /** performance.now() value past which nothing waits. */
  deadlineAt: number;
}

/** One address inspected: its report and what the summary needs. */
export interface AddressInspection {
  report: AddressReport;
  /** Every cause found on this address: certificate, connection and clock. */
  findings: CertFinding[];
  /** Parsed chain, leaf first (empty when no handshake). */
  chain: CertSummary[];
  /** probe - server clock, from the HTTP Date header, when there was one. */
  clock: ClockEstimate | null;
  /** Why the address could not be inspected, when it could not. */
  failure: AddressFailure | null;
  /** The chain walk stopped at a cap. */
  truncated: boolean;
}

function authority(target: Target): string {
  const host = target.ipFamily === 6 ? `[${target.host}]` : target.host;
  return target.port === 443 ? host : `${host}:${target.port}`;
}

function remaining(deadlineAt: number): number {
  return Math.max(0, deadlineAt - performance.now());
}

/** The report of an address that could not be inspected. */
function failed(
  address: ResolvedAddress,
  started: number,
  timings: { connectMs: number | null; handshakeMs: number | null },
  failure: AddressFailure,
): AddressInspection {
  return {
    report: {
      ip: address.address,
      family: address.family,
      ok: false,
      error: { code: failure.code, message: failure.message },
      tls: null,
      chain: [],
      verification: {
        trusted: false,
        cause: failure.cause,
        rawError: failure.code,
        hostnameMatch: null,
        depth: null,
      },
      ocsp: { stapled: false },
      serverDate: null,
      clockSkewSeconds: null,
      timings: {
        connectMs: timings.connectMs,
        handshakeMs: timings.handshakeMs,
        totalMs: Math.round(performance.now() - started),
      },
    },
    findings: [{ cause: failure.cause, depth: null }],
    chain: [],
    clock: null,
    failure,
    truncated: false,
  };
}

/**
 * Inspects one resolved address: TLS with SNI = host (none for IP targets), the presented chain judged at the
 * probe's `now`, the stapled OCSP flag, and the server's HTTP Date over the same connection.
 */
export async function inspectAddress(
  target: Target,
  address: ResolvedAddress,
  ctx: AddressContext,
): Promise<AddressInspection> {
  const started = performance.now();
  // Set from the connection's callback, once the handshake completes.
  let pendingDate = null as Promise<HttpDateReading | null> | null;
  const connected = await connectTls({
    ip: address.address,
    port: target.port,
    servername: target.ipFamily === 0 ? target.host : undefined,
    secureContext: ctx.secureContext,
    connectTimeoutMs: ctx.timeouts.connectMs,
    handshakeTimeoutMs: ctx.timeouts.handshakeMs,
    deadlineAt: ctx.deadlineAt,
    // Ask for the HTTP Date the moment the handshake completes: the server answers while the chain is built,
    // parsed and judged.
    onHandshakeDone: (socket) => {
      pendingDate = readHttpDate(socket, {
        authority: authority(target),
        timeoutMs: Math.min(ctx.timeouts.httpMs, remaining(ctx.deadlineAt)),
        maxHeaderBytes: ctx.limits.maxHeaderBytes,
        now: ctx.now,
      });
    },
  });
  if (!connected.ok) return failed(address, started, connected, connected.failure);

  const { socket } = connected.session;
  try {
    const now = ctx.now();
    // Read everything about the session before anything waits: the server may close the connection meanwhile.
    const tls = { protocol: socket.getProtocol() ?? null, cipher: socket.getCipher()?.name ?? null };
    const presented = peerChain(
      socket,
      connected.session.peerChain,
      ctx.limits.maxChainLength,
      ctx.limits.maxCertBytes,
    );
    const authorizationError = socket.authorized ? null : String(socket.authorizationError ?? 'UNKNOWN');
    const { chain, unparsed } = parseChain(presented.ders, presented.fingerprints, ctx.summaries);
    if (chain.length === 0) {
      return failed(address, started, connected.session, {
        code: 'CERTIFICATE_UNREADABLE',
        message:
          'the server sent no certificate the probe could read (none, malformed, or over the size limit)',
        cause: 'handshake_failure',
      });
    }
    const verified = verifyChain({
      host: target.host,
      chain,
      authorizationError,
      now,
    });
    const findings = await narrowIssuerCause(verified.findings, chain, presented.ders[0], {
      anchors: ctx.anchors,
      aia: {
        resolver: ctx.resolver,
        policy: ctx.policy,
        timeoutMs: Math.min(ctx.timeouts.httpMs, remaining(ctx.deadlineAt)),
        maxBytes: ctx.limits.maxCertBytes,
      },
      now,
    });
    const verification = {
      ...verified.verification,
      cause: findings[0]?.cause ?? null,
      depth: findings[0]?.depth ?? null,
    };

    const reading = pendingDate === null ? null : await pendingDate;
    const estimate = reading?.dateHeader
      ? estimateClockSkew({
          dateHeader: reading.dateHeader,
          requestStartMs: reading.requestStartMs,
          responseStartMs: reading.responseStartMs,
        })
      : null;
    // estimate.skewMs is probe - server. The probe's clock is taken as the reference, so a skew beyond the
    // threshold (at the edge of its uncertainty) is the server's.
    if (estimate && isLocalClockWrong(null, now, estimate, SERVER_SKEW_THRESHOLD_MS)) {
      findings.push({ cause: 'server_clock_skew' as Cause, depth: null });
    }
    const serverMs = reading?.dateHeader ? parseHttpDate(reading.dateHeader, reading.responseStartMs) : null;

    return {
      report: {
        ip: address.address,
        family: address.family,
        ok: true,
        tls,
        chain: chain.map((cert) => chainEntry(cert, now)),
        verification,
        ocsp: { stapled: connected.session.ocspStapled },
        serverDate: serverMs === null ? null : new Date(serverMs).toISOString(),
        clockSkewSeconds: estimate ? Math.round(-estimate.skewMs / 100) / 10 : null,
        timings: {
          connectMs: connected.session.connectMs,
          handshakeMs: connected.session.handshakeMs,
          totalMs: Math.round(performance.now() - started),
        },
      },
      findings,
      chain,
      clock: estimate,
      failure: null,
      truncated: presented.truncated || unparsed > 0,
    };
  } finally {
    // Closing is a system call the report need not wait for: it runs once the answer is on its way.
    setImmediate(() => socket.destroy());
  }
}
