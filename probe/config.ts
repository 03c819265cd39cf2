import { isIP } from 'node:net';
import { parseArgs } from 'node:util';
import { MAX_CERTIFICATE_BYTES } from '../core/certificate';
import type { Result } from '../core/types';
import { readCaFile } from './ca-file';
import { DEFAULT_ALLOWED_PORTS, isLoopbackBind, parseCidr, type Cidr } from './guard';

/** Everything the probe service needs, validated. Built once at start by loadConfig. */
export interface ProbeConfig {
  host: string;
  port: number;
  /** Extra trusted roots (PEM), added to the system roots. */
  extraCaPems: string[];
  /** Required as `Authorization: Bearer <token>` when set. */
  token: string | null;
  /** Public rules: refuse non-public targets and ports off the allow-list. On whenever bound off loopback. */
  restricted: boolean;
  allowCidrs: Cidr[];
  allowPorts: number[] | 'any';
  /**
   * Load balancers or reverse proxies whose X-Forwarded-For is believed: a request from one of them is rate-limited
   * by the client address it forwards. Empty: the connection's own address.
   */
  trustProxy: Cidr[];
  timeouts: InspectTimeouts;
  limits: InspectLimits;
  rateLimit: { perMinute: number; burst: number; maxClients: number };
  concurrency: { max: number; maxQueue: number };
  cache: { ttlMs: number; maxEntries: number };
  /** How many recently inspected targets /metrics reports an expiry for. */
  metricsMaxTargets: number;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'silent';
}

/** Time bounds of one inspection, in ms. Every phase is also cut by the overall deadline. */
export interface InspectTimeouts {
  deadlineMs: number;
  connectMs: number;
  handshakeMs: number;
  /** Waiting for the HTTP answer that carries the Date header. */
  httpMs: number;
}

/** Size bounds of one inspection. */
export interface InspectLimits {
  maxAddresses: number;
  maxChainLength: number;
  maxCertBytes: number;
  maxHeaderBytes: number;
}

export const DEFAULT_TIMEOUTS: InspectTimeouts = {
  deadlineMs: 10_000,
  connectMs: 5_000,
  handshakeMs: 5_000,
  httpMs: 3_000,
};
export const DEFAULT_LIMITS: InspectLimits = {
  maxAddresses: 8,
  maxChainLength: 10,
  maxCertBytes: MAX_CERTIFICATE_BYTES,
  maxHeaderBytes: 16_384,
};

/** The configuration of a loopback probe with every default. */
export const DEFAULT_CONFIG: ProbeConfig = {
  host: '127.0.0.1',
  port: 8787,
  extraCaPems: [],
  token: null,
  restricted: false,
  allowCidrs: [],
  allowPorts: 'any',
  trustProxy: [],
  timeouts: DEFAULT_TIMEOUTS,
  limits: DEFAULT_LIMITS,
  rateLimit: { perMinute: 120, burst: 60, maxClients: 10_000 },
  concurrency: { max: 32, maxQueue: 1_000 },
  cache: { ttlMs: 30_000, maxEntries: 1_000 },
  metricsMaxTargets: 1_000,
  logLevel: 'info',
};

const OPTIONS = {
  host: { type: 'string', env: 'PROBE_HOST' },
  port: { type: 'string', env: 'PROBE_PORT' },
  'ca-file': { type: 'string', env: 'PROBE_CA_FILE' },
  token: { type: 'string', env: 'PROBE_TOKEN' },
  public: { type: 'boolean', env: 'PROBE_PUBLIC' },
  'allow-no-token': { type: 'boolean', env: 'PROBE_ALLOW_NO_TOKEN' },
  'allow-cidr': { type: 'string', env: 'PROBE_ALLOW_CIDRS', multiple: true },
  'allow-ports': { type: 'string', env: 'PROBE_ALLOW_PORTS' },
  'trust-proxy': { type: 'string', env: 'PROBE_TRUST_PROXY', multiple: true },
  'timeout-ms': { type: 'string', env: 'PROBE_TIMEOUT_MS' },
  'cache-ttl-s': { type: 'string', env: 'PROBE_CACHE_TTL_S' },
  'rate-limit': { type: 'string', env: 'PROBE_RATE_LIMIT' },
  concurrency: { type: 'string', env: 'PROBE_CONCURRENCY' },
  'log-level': { type: 'string', env: 'PROBE_LOG_LEVEL' },
} as const;

type OptionName = keyof typeof OPTIONS;
type RawOptions = Partial<Record<OptionName, string | boolean | string[]>>;

/** The options `serve` understands, for --help. */
export { readCaFile } from './ca-file';

export const SERVE_USAGE = `certglance-probe serve [options]   (every option also reads an environment variable)
  --host ADDR          bind address, default 127.0.0.1                      PROBE_HOST
  --port N             port, default 8787                                   PROBE_PORT
  --ca-file FILE       extra trusted roots (PEM), added to the system roots PROBE_CA_FILE
  --token T            require "Authorization: Bearer T" (16+ characters)   PROBE_TOKEN
  --public             public rules even on loopback (behind a proxy)       PROBE_PUBLIC=1
  --allow-no-token     allow an off-loopback probe without a token          PROBE_ALLOW_NO_TOKEN=1
  --allow-cidr CIDR    open an internal range on purpose (repeatable)       PROBE_ALLOW_CIDRS=a,b
  --allow-ports LIST   ports that may be inspected, e.g. 443,8443 or "any"  PROBE_ALLOW_PORTS
  --trust-proxy CIDR   a load balancer whose X-Forwarded-For is believed    PROBE_TRUST_PROXY=a,b
                       (repeatable; for the per-client rate limit)
  --timeout-ms N       overall deadline per inspection, default 10000       PROBE_TIMEOUT_MS
  --cache-ttl-s N      seconds a report is reused, default 30 (0: off)      PROBE_CACHE_TTL_S
  --rate-limit N       requests per minute per client, default 120 (0: off) PROBE_RATE_LIMIT
  --concurrency N      inspections at once, default 32                      PROBE_CONCURRENCY
  --log-level L        fatal|error|warn|info|debug|silent, default info     PROBE_LOG_LEVEL`;

function invalid(message: string): Result<never> {
  return { ok: false, error: { code: 'INVALID_CONFIG', message } };
}

/** Command-line values win over environment values. Environment booleans are 1/true/yes. */
function readRaw(
  argv: readonly string[],
  env: Readonly<Record<string, string | undefined>>,
): Result<RawOptions> {
  let values: RawOptions;
  try {
    const parsed = parseArgs({
      args: [...argv],
      options: Object.fromEntries(
        Object.entries(OPTIONS).map(([name, o]) => [name, { type: o.type, multiple: 'multiple' in o }]),
      ),
      strict: true,
      allowPositionals: false,
    });
    values = parsed.values as RawOptions;
  } catch (error) {
    return invalid(error instanceof Error ? error.message : String(error));
  }
  for (const [name, option] of Object.entries(OPTIONS) as [OptionName, (typeof OPTIONS)[OptionName]][]) {
    const fromEnv = env[option.env];
    if (values[name] !== undefined || fromEnv === undefined || fromEnv === '') continue;
    if (option.type === 'boolean') values[name] = /^(1|true|yes)$/i.test(fromEnv);
    else values[name] = 'multiple' in option ? fromEnv.split(',') : fromEnv;
  }
  return { ok: true, value: values };
}

function integer(
  text: string | undefined,
  name: string,
  min: number,
  max: number,
  fallback: number,
): Result<number> {
  if (text === undefined) return { ok: true, value: fallback };
  if (!/^\d+$/.test(text.trim())) return invalid(`${name} must be a whole number, got "${text}"`);
  const value = Number(text.trim());
  if (value < min || value > max) return invalid(`${name} must be between ${min} and ${max}, got ${value}`);
  return { ok: true, value };
}

function parsePorts(text: string | undefined, fallback: number[] | 'any'): Result<number[] | 'any'> {
  if (text === undefined) return { ok: true, value: fallback };
  if (text.trim() === 'any') return { ok: true, value: 'any' };
  const ports: number[] = [];
  for (const part of text.split(',')) {
    const port = integer(part, '--allow-ports entry', 1, 65535, 0);
    if (!port.ok) return port;
    ports.push(port.value);
  }
  return { ok: true, value: ports };
}

/** A repeatable list of CIDRs (each value may also be comma-separated); a bare address is a /32 or /128. */
function cidrs(list: string | boolean | string[] | undefined, name: string): Result<Cidr[]> {
  const parsed: Cidr[] = [];
  for (const text of (Array.isArray(list) ? list : []).flatMap((c) => c.split(','))) {
    if (text.trim() === '') continue;
    const cidr = parseCidr(text);
    if (!cidr.ok) return invalid(`${name}: ${cidr.error.message}`);
    parsed.push(cidr.value);
  }
  return { ok: true, value: parsed };
}

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'silent'] as const;

/**
 * Builds the service configuration from command-line arguments and the environment, checking everything, so that
 * bad configuration stops the probe at start with a message that says what to fix.
 */
export function loadConfig(
  argv: readonly string[],
  env: Readonly<Record<string, string | undefined>>,
  read?: (path: string) => string,
): Result<ProbeConfig> {
  const raw = readRaw(argv, env);
  if (!raw.ok) return raw;
  const o = raw.value;
  const str = (name: OptionName) => (typeof o[name] === 'string' ? (o[name] as string) : undefined);

  const host = str('host') ?? DEFAULT_CONFIG.host;
  if (host !== 'localhost' && isIP(host) === 0)
    return invalid(`--host must be an IP address to bind, got "${host}"`);
  const port = integer(str('port'), '--port', 0, 65535, DEFAULT_CONFIG.port);
  if (!port.ok) return port;

  let extraCaPems: string[] = [];
  const caFile = str('ca-file');
  if (caFile !== undefined) {
    const pems = readCaFile(caFile, read);
    if (!pems.ok) return pems;
    extraCaPems = pems.value;
  }

  const token = str('token') ?? null;
  if (token !== null && (token.length < 16 || /\s/.test(token))) {
    return invalid('--token must be at least 16 characters, without spaces (try: openssl rand -hex 24)');
  }
  const restricted = o.public === true || !isLoopbackBind(host);
  if (restricted && token === null && o['allow-no-token'] !== true) {
    return invalid(
      `bound to ${host}, the probe needs --token (PROBE_TOKEN) so that only your clients can use it; ` +
        'pass --allow-no-token to run it open on purpose',
    );
  }

  const allowCidrs = cidrs(o['allow-cidr'], '--allow-cidr');
  if (!allowCidrs.ok) return allowCidrs;
  const trustProxy = cidrs(o['trust-proxy'], '--trust-proxy');
  if (!trustProxy.ok) return trustProxy;
  const allowPorts = parsePorts(str('allow-ports'), restricted ? [...DEFAULT_ALLOWED_PORTS] : 'any');
  if (!allowPorts.ok) return allowPorts;

  const deadline = integer(str('timeout-ms'), '--timeout-ms', 500, 120_000, DEFAULT_TIMEOUTS.deadlineMs);
  if (!deadline.ok) return deadline;
  const ttl = integer(str('cache-ttl-s'), '--cache-ttl-s', 0, 3_600, DEFAULT_CONFIG.cache.ttlMs / 1000);
  if (!ttl.ok) return ttl;
  const rate = integer(str('rate-limit'), '--rate-limit', 0, 1_000_000, DEFAULT_CONFIG.rateLimit.perMinute);
  if (!rate.ok) return rate;
  const concurrency = integer(str('concurrency'), '--concurrency', 1, 1_024, DEFAULT_CONFIG.concurrency.max);
  if (!concurrency.ok) return concurrency;
  const logLevel = str('log-level') ?? DEFAULT_CONFIG.logLevel;
  if (!(LOG_LEVELS as readonly string[]).includes(logLevel)) {
    return invalid(`--log-level must be one of ${LOG_LEVELS.join(', ')}, got "${logLevel}"`);
  }

  const d = deadline.value;
  return {
    ok: true,
    value: {
      ...DEFAULT_CONFIG,
      host,
      port: port.value,
      extraCaPems,
      token,
      restricted,
      allowCidrs: allowCidrs.value,
      allowPorts: allowPorts.value,
      trustProxy: trustProxy.value,
      timeouts: {
        deadlineMs: d,
        connectMs: Math.min(DEFAULT_TIMEOUTS.connectMs, d),
        handshakeMs: Math.min(DEFAULT_TIMEOUTS.handshakeMs, d),
        httpMs: Math.min(DEFAULT_TIMEOUTS.httpMs, d),
      },
      rateLimit: {
        ...DEFAULT_CONFIG.rateLimit,
        perMinute: rate.value,
        burst: Math.max(1, Math.min(60, rate.value)),
      },
      concurrency: { ...DEFAULT_CONFIG.concurrency, max: concurrency.value },
      cache: { ...DEFAULT_CONFIG.cache, ttlMs: ttl.value * 1000 },
      logLevel: logLevel as ProbeConfig['logLevel'],
    },
  };
}
