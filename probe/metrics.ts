import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/** What the probe counts, exposed at /metrics in the Prometheus text format. */
export interface ProbeMetrics {
  registry: Registry;
  /** One HTTP request answered. */
  request(route: string, statusCode: number): void;
  /** One inspection finished, with the report's summary status as outcome. */
  inspection(outcome: string, seconds: number): void;
  /** A report answered from the cache ('stored') or shared with a running inspection ('shared'), or a miss. */
  cache(result: 'stored' | 'shared' | 'miss'): void;
  /** The earliest certificate expiry of a target (ms since the epoch), or null when no certificate was seen. */
  target(host: string, port: number, earliestExpiryMs: number | null, failing: boolean): void;
  /** The Prometheus text and its content type. */
  render(): Promise<{ contentType: string; body: string }>;
}

export interface MetricsOptions {
  /** Targets kept for the per-target gauges; the least recently inspected are dropped past this. */
  maxTargets: number;
  /** Include Node process metrics (memory, CPU, event loop). */
  processMetrics: boolean;
}

interface TargetState {
  host: string;
  port: string;
  expirySeconds: number | null;
  failing: boolean;
}

/** Creates a registry of its own (never the global one), so several apps can live in one process. */
export function createMetrics(options: MetricsOptions): ProbeMetrics {
  const registry = new Registry();
  const targets = new Map<string, TargetState>();
  const requests = new Counter({
    name: 'certglance_probe_http_requests_total',
    help: 'HTTP requests answered, by route and status code.',
    labelNames: ['route', 'code'],
    registers: [registry],
  });
  const inspections = new Counter({
    name: 'certglance_probe_inspections_total',
    help: 'Inspections run, by outcome (the report summary status: ok, renewal_due, warn, critical, expired, not_yet_valid, error).',
    labelNames: ['outcome'],
    registers: [registry],
  });
  const duration = new Histogram({
    name: 'certglance_probe_inspection_duration_seconds',
    help: 'Time to inspect one target, all its addresses in parallel.',
    buckets: [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
    registers: [registry],
  });
  const hits = new Counter({
    name: 'certglance_probe_cache_hits_total',
    help: 'Inspect requests answered without a new inspection: from the cache (stored) or by sharing one in flight (shared).',
    labelNames: ['kind'],
    registers: [registry],
  });
  const misses = new Counter({
    name: 'certglance_probe_cache_misses_total',
    help: 'Inspect requests that started a new inspection.',
    registers: [registry],
  });
  new Gauge({
    name: 'certglance_probe_certificate_expiry_timestamp_seconds',
    help: 'Earliest notAfter of any certificate served by a recently inspected target, as a Unix timestamp.',
    labelNames: ['host', 'port'],
    registers: [registry],
    collect() {
      this.reset();
      for (const t of targets.values()) {
        if (t.expirySeconds !== null) this.set({ host: t.host, port: t.port }, t.expirySeconds);
      }
    },
  });
  new Gauge({
    name: 'certglance_probe_target_failing',
    help: '1 when the last inspection of a recently inspected target found it failing (error, expired or not yet valid).',
    labelNames: ['host', 'port'],
    registers: [registry],
    collect() {
      this.reset();
      for (const t of targets.values()) this.set({ host: t.host, port: t.port }, t.failing ? 1 : 0);
    },
  });
  if (options.processMetrics) collectDefaultMetrics({ register: registry, prefix: 'certglance_probe_' });

  return {
    registry,
    request: (route, statusCode) => requests.inc({ route, code: String(statusCode) }),
    inspection(outcome, seconds) {
      inspections.inc({ outcome });
      duration.observe(seconds);
    },
    cache: (result) => (result === 'miss' ? misses.inc() : hits.inc({ kind: result })),
    target(host, port, earliestExpiryMs, failing) {
      const key = `${host}:${port}`;
      targets.delete(key);
      while (targets.size >= options.maxTargets) {
        const oldest = targets.keys().next();
        if (oldest.done) break;
        targets.delete(oldest.value);
      }
      const expirySeconds = earliestExpiryMs === null ? null : Math.floor(earliestExpiryMs / 1000);
      targets.set(key, { host, port: String(port), expirySeconds, failing });
    },
    render: async () => ({ contentType: registry.contentType, body: await registry.metrics() }),
  };
}
