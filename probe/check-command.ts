import { parseArgs } from 'node:util';
import { inspectReportSchema } from '../core/probe-report';
import { DEFAULT_CONFIG, DEFAULT_TIMEOUTS, readCaFile } from './config';
import { EXIT, exitCodeFor } from './check-exit';
import { createInspector } from './inspect/inspector';
import type { Resolver } from './inspect/resolve';
import { buildSecureContext } from './inspect/secure-context';
import { renderReport } from './render-report';
import { parseHostPort } from './target';

export const CHECK_USAGE = `certglance-probe check host[:port] [options]
  --json            print the report as JSON (the same InspectReport as GET /v1/inspect)
  --warn-days N     exit 1 when any certificate has fewer than N days left
                    (default: when the certificate's own lifetime says warn or critical)
  --ca-file FILE    extra trusted roots (PEM), added to the system roots
  --timeout-ms N    overall deadline, default 10000
Exit: 0 OK, 1 warning, 2 failing (expired, untrusted, unreachable...), 3 bad usage.`;

/** Where the check writes, and what it may be given instead of the real thing. */
export interface CheckIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  resolver?: Resolver;
  now?: () => number;
}

function usageError(io: CheckIo, message: string): number {
  io.stderr(`certglance-probe check: ${message}\n\n${CHECK_USAGE}\n`);
  return EXIT.unknown;
}

/**
 * `certglance-probe check host[:port]`: one inspection with the probe's own code, printed for a person (or as JSON),
 * with an exit code for cron, CI and monitoring. The command line is the sysadmin's own: any target, any port.
 */
export async function runCheck(argv: readonly string[], io: CheckIo): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      options: {
        json: { type: 'boolean' },
        'warn-days': { type: 'string' },
        'ca-file': { type: 'string' },
        'timeout-ms': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      allowPositionals: true,
      strict: true,
    });
  } catch (error) {
    return usageError(io, error instanceof Error ? error.message : String(error));
  }
  const { values, positionals } = parsed;
  if (values.help) {
    io.stdout(`${CHECK_USAGE}\n`);
    return EXIT.ok;
  }
  if (positionals.length !== 1) return usageError(io, 'give exactly one host[:port]');
  const target = parseHostPort(positionals[0]!);
  if (!target.ok) return usageError(io, `${target.error.message}: "${positionals[0]}"`);

  let warnDays: number | null = null;
  if (values['warn-days'] !== undefined) {
    if (!/^\d+(\.\d+)?$/.test(values['warn-days']))
      return usageError(io, '--warn-days must be a number of days');
    warnDays = Number(values['warn-days']);
  }
  let deadlineMs = DEFAULT_TIMEOUTS.deadlineMs;
  if (values['timeout-ms'] !== undefined) {
    deadlineMs = Number(values['timeout-ms']);
    if (!/^\d+$/.test(values['timeout-ms']) || deadlineMs < 100 || deadlineMs > 120_000) {
      return usageError(io, '--timeout-ms must be a whole number of ms between 100 and 120000');
    }
  }
  let extraCaPems: string[] = [];
  if (values['ca-file'] !== undefined) {
    const pems = readCaFile(values['ca-file']);
    if (!pems.ok) return usageError(io, pems.error.message);
    extraCaPems = pems.value;
  }

  const now = io.now ?? Date.now;
  const inspect = createInspector({
    secureContext: buildSecureContext(extraCaPems),
    extraCaPems,
    resolver: io.resolver,
    now,
    policy: { restricted: false, allowCidrs: [], allowPorts: 'any' },
    timeouts: {
      deadlineMs,
      connectMs: Math.min(DEFAULT_TIMEOUTS.connectMs, deadlineMs),
      handshakeMs: Math.min(DEFAULT_TIMEOUTS.handshakeMs, deadlineMs),
      httpMs: Math.min(DEFAULT_TIMEOUTS.httpMs, deadlineMs),
    },
    limits: DEFAULT_CONFIG.limits,
  });
  const outcome = await inspect(target.value);
  if (!outcome.ok) {
    io.stderr(`certglance-probe check: ${outcome.error.message}\n`);
    return EXIT.unknown;
  }
  const report = inspectReportSchema.parse(outcome.report);
  io.stdout(values.json ? `${JSON.stringify(report, null, 2)}\n` : `${renderReport(report, now())}\n`);
  return exitCodeFor(report, warnDays);
}
