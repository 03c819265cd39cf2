import Fastify, {
  type FastifyBaseLogger,
  type FastifyInstance,
  type FastifyReply,
  type FastifyRequest,
} from 'fastify';
import { isFailingStatus, type InspectReport } from '../core/probe-report';
import { createSharedCache } from './cache';
import type { ProbeConfig } from './config';
import { corsHeaders } from './cors';
import { errorBody, errorStatus, type ProbeError } from './errors';
import { checkPort, inCidrs, isLoopbackBind, type GuardPolicy } from './guard';
import { createInspector } from './inspect/inspector';
import type { InspectOutcome } from './inspect/outcome';
import type { Resolver } from './inspect/resolve';
import { buildSecureContext } from './inspect/secure-context';
import { createMetrics, type ProbeMetrics } from './metrics';
import { renderTargetMetrics } from './target-metrics';
import { openApiDocument } from './openapi';
import { createRateLimiter } from './rate-limit';
import { bearerMatches, isLoopbackHostHeader } from './request-checks';
import { createSemaphore } from './semaphore';
import { parseTarget } from './target';

/** What createApp can be given instead of the real thing. */
export interface AppDeps {
  /** Name resolution; the system resolver by default. */
  resolver?: Resolver;
  /** The probe's wall clock in ms; Date.now by default. */
  now?: () => number;
  /** A logger (server.ts passes pino options); silent by default. */
  logger?: FastifyBaseLogger | boolean | Record<string, unknown>;
  /** Include Node process metrics in /metrics (default true). */
  processMetrics?: boolean;
}

/** The app with its metrics, for the server and tests that read them. */
export type ProbeApp = FastifyInstance & { probeMetrics: ProbeMetrics };

function send(reply: FastifyReply, error: ProbeError, headers: Record<string, string> = {}): FastifyReply {
  return reply.code(errorStatus(error.code)).headers(headers).send(errorBody(error));
}

/** Routes that answer without the token: liveness and the API description. */
const PUBLIC_ROUTES = new Set(['/healthz', '/openapi.json']);

function routeOf(request: FastifyRequest): string {
  return request.routeOptions.url ?? 'unmatched';
}

/**
 * Builds the probe's HTTP app without listening: GET /healthz, GET /metrics, GET /openapi.json,
 * GET /v1/inspect?host=H&port=P and GET /v1/metrics?host=H&port=P.
 * The SecureContext (system roots plus config.extraCaPems) is built here, once.
 */
export function createApp(config: ProbeConfig, deps: AppDeps = {}): ProbeApp {
  const now = deps.now ?? Date.now;
  const app = Fastify({
    logger: deps.logger ?? false,
    // X-Forwarded-For is believed only from the configured load balancers, hop by hop from the connection.
    trustProxy:
      config.trustProxy.length > 0 ? (address: string) => inCidrs(address, config.trustProxy) : false,
    bodyLimit: 1024,
    requestTimeout: config.timeouts.deadlineMs * 4 + 10_000,
    return503OnClosing: true,
  }) as unknown as FastifyInstance;
  const metrics = createMetrics({
    maxTargets: config.metricsMaxTargets,
    processMetrics: deps.processMetrics ?? true,
  });
  const policy: GuardPolicy = {
    restricted: config.restricted,
    allowCidrs: config.allowCidrs,
    allowPorts: config.allowPorts,
  };
  const inspect = createInspector({
    secureContext: buildSecureContext(config.extraCaPems),
    extraCaPems: config.extraCaPems,
    resolver: deps.resolver,
    now,
    policy,
    timeouts: config.timeouts,
    limits: config.limits,
  });
  const cache = createSharedCache<InspectOutcome>({
    ttlMs: config.cache.ttlMs,
    maxEntries: config.cache.maxEntries,
    now,
    keep: (outcome) => outcome.ok || outcome.error.code !== 'BUSY',
  });
  const limiter = createRateLimiter({ ...config.rateLimit, now });
  const slots = createSemaphore(config.concurrency.max, config.concurrency.maxQueue);
  const checkHostHeader = isLoopbackBind(config.host) && !config.restricted;

  app.addHook('onRequest', async (request, reply) => {
    reply.headers(corsHeaders(request.headers.origin));
    if (checkHostHeader && !isLoopbackHostHeader(request.headers.host)) {
      return send(reply, {
        code: 'HOST_HEADER_FORBIDDEN',
        message: 'this probe answers only to a loopback Host',
      });
    }
    if (request.method === 'OPTIONS' || PUBLIC_ROUTES.has(routeOf(request))) return;
    if (config.token !== null && !bearerMatches(request.headers.authorization, config.token)) {
      return send(
        reply,
        { code: 'UNAUTHORIZED', message: 'send Authorization: Bearer <token>' },
        {
          'www-authenticate': 'Bearer realm="certglance-probe"',
        },
      );
    }
  });
  app.addHook('onResponse', async (request, reply) => metrics.request(routeOf(request), reply.statusCode));

  app.setNotFoundHandler((_request, reply) =>
    send(reply, { code: 'NOT_FOUND', message: 'no such endpoint' }),
  );
  app.setErrorHandler((error: { statusCode?: number }, request, reply) => {
    const status = error.statusCode ?? 500;
    if (status >= 400 && status < 500) {
      return reply.code(status).send({ error: { code: 'BAD_REQUEST', message: 'the request is malformed' } });
    }
    request.log.error({ err: error }, 'request failed');
    return send(reply, { code: 'INTERNAL', message: 'the probe failed to answer; see its log' });
  });

  app.options('/*', async (_request, reply) => reply.code(204).send());
  app.get('/healthz', async () => ({ status: 'ok' }));
  const openApi = JSON.stringify(openApiDocument());
  app.get('/openapi.json', async (_request, reply) => reply.type('application/json').send(openApi));
  app.get('/metrics', async (_request, reply) => {
    const { contentType, body } = await metrics.render();
    return reply.type(contentType).header('cache-control', 'no-store').send(body);
  });

  /** The inspection a request asks for, from the cache when fresh: the report, or the refusal to send. */
  const inspectFor = async (
    request: FastifyRequest,
  ): Promise<
    | { ok: true; report: InspectReport; cached: boolean }
    | { ok: false; error: ProbeError; headers: Record<string, string> }
  > => {
    const limit = limiter.take(request.ip);
    if (!limit.allowed) {
      const retry = String(limit.retryAfterSeconds);
      return {
        ok: false,
        error: { code: 'RATE_LIMITED', message: `too many requests; retry in ${retry} s` },
        headers: { 'retry-after': retry },
      };
    }
    const query = request.query as Record<string, unknown>;
    const target = parseTarget(query.host, query.port);
    if (!target.ok) return { ok: false, error: target.error, headers: {} };
    const port = checkPort(target.value.port, policy);
    if (!port.ok) return { ok: false, error: port.error, headers: {} };

    const key = `${target.value.host}|${target.value.port}`;
    const answer = await cache.get(key, async () => {
      const started = performance.now();
      const run = await slots.run(() => inspect(target.value));
      if (!run.queued) {
        return { ok: false, error: { code: 'BUSY', message: 'the probe is busy; retry shortly' } };
      }
      const outcome = run.value;
      if (outcome.ok) {
        const { summary } = outcome.report;
        metrics.inspection(summary.status, (performance.now() - started) / 1000);
        const expiry = summary.earliestExpiry ? Date.parse(summary.earliestExpiry.notAfter) : null;
        metrics.target(target.value.host, target.value.port, expiry, isFailingStatus(summary.status));
      }
      return outcome;
    });
    metrics.cache(answer.source === 'fresh' ? 'miss' : answer.source === 'cache' ? 'stored' : 'shared');
    const outcome = answer.value;
    if (!outcome.ok) {
      return {
        ok: false,
        error: outcome.error,
        headers: outcome.error.code === 'BUSY' ? { 'retry-after': '1' } : {},
      };
    }
    return { ok: true, report: outcome.report, cached: answer.source === 'cache' };
  };

  app.get('/v1/inspect', async (request, reply) => {
    const answer = await inspectFor(request);
    reply.header('cache-control', 'no-store');
    if (!answer.ok) return send(reply, answer.error, answer.headers);
    return reply.send({ ...answer.report, cached: answer.cached });
  });

  app.get('/v1/metrics', async (request, reply) => {
    const answer = await inspectFor(request);
    reply.header('cache-control', 'no-store');
    if (!answer.ok) return send(reply, answer.error, answer.headers);
    const { contentType, body } = await renderTargetMetrics(answer.report, answer.cached);
    return reply.type(contentType).send(body);
  });

  return Object.assign(app, { probeMetrics: metrics });
}
