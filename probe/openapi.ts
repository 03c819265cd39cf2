import { z } from 'zod';
import { inspectReportSchema } from '../core/probe-report';
import { PROBE_ERROR_STATUS } from './errors';

/** Where the committed document lives, relative to the repository root (`npm run openapi` rewrites it). */
export const OPENAPI_PATH = 'probe/openapi.json';

const errorCodes = Object.keys(PROBE_ERROR_STATUS);

/** What each refusal of GET /v1/inspect means, by status. */
const INSPECT_ERRORS: Record<number, string> = {
  400: 'INVALID_HOST or INVALID_PORT: the host or port is malformed',
  401: 'UNAUTHORIZED: the probe has a token and the request did not carry it as `Authorization: Bearer <token>`',
  403: 'PORT_NOT_ALLOWED, TARGET_FORBIDDEN (the name resolves into a range this probe refuses) or HOST_HEADER_FORBIDDEN (a loopback probe asked through a non-loopback Host)',
  429: 'RATE_LIMITED: too many requests from this client; retry after Retry-After seconds',
  500: "INTERNAL: the probe's own fault (details are in its log, never in the answer)",
  503: 'BUSY: every inspection slot and the queue are taken; retry after Retry-After seconds',
};

const errorResponse = (description: string, retryAfter = false) => ({
  description,
  ...(retryAfter
    ? {
        headers: {
          'Retry-After': { description: 'seconds to wait', schema: { type: 'integer', minimum: 0 } },
        },
      }
    : {}),
  content: { 'application/json': { schema: { $ref: '#/components/schemas/ErrorBody' } } },
});

/**
 * The probe's HTTP API as an OpenAPI 3.1 document. The report's schema is generated from the zod contract the
 * extension validates every answer against (core/probe-report.ts), so the two cannot drift apart.
 */
const targetParameters = [
  {
    name: 'host',
    in: 'query',
    required: true,
    description: 'a DNS name (IDN allowed), an IPv4 address or an IPv6 address (brackets optional)',
    schema: { type: 'string', minLength: 1, maxLength: 253 },
  },
  {
    name: 'port',
    in: 'query',
    required: false,
    description: 'TCP port; a probe bound to a non-loopback address allows only its port list',
    schema: { type: 'integer', minimum: 1, maximum: 65535, default: 443 },
  },
];

const refusals = () =>
  Object.fromEntries(
    Object.entries(INSPECT_ERRORS).map(([status, description]) => [
      status,
      errorResponse(description, status === '429' || status === '503'),
    ]),
  );

export function openApiDocument(): Record<string, unknown> {
  const { $schema: _dialect, ...report } = z.toJSONSchema(inspectReportSchema, {
    target: 'draft-2020-12',
    io: 'output',
  });
  return {
    openapi: '3.1.0',
    info: {
      title: 'certglance probe',
      version: '1',
      description:
        "Inspects a TLS site from outside the browser: every address its name resolves to, the chain each one serves, the verification result and its cause, the host name check, OCSP stapling and the server's clock.",
    },
    servers: [{ url: 'http://127.0.0.1:8787', description: 'the local probe `npm start` runs' }],
    paths: {
      '/v1/inspect': {
        get: {
          operationId: 'inspect',
          summary: 'Inspect host:port on every address the host resolves to',
          description:
            'Answers 200 with a report whenever the inspection ran, also when the target failed: its failure is in the report (summary.status "error", summary.causes). Refusals are 4xx with an error body. Concurrent identical requests share one inspection; answers are cached briefly (`cached: true`).',
          security: [{}, { bearer: [] }],
          parameters: targetParameters,
          responses: {
            '200': {
              description: 'the report',
              content: { 'application/json': { schema: { $ref: '#/components/schemas/InspectReport' } } },
            },
            ...refusals(),
          },
        },
      },
      '/v1/metrics': {
        get: {
          operationId: 'targetMetrics',
          summary: 'Inspect host:port and answer Prometheus metrics for that one target',
          description:
            'For Prometheus to scrape once per target, the target in the query (as with blackbox_exporter): certglance_target_ok, certglance_target_status{status}, certglance_target_certificate_expiry_timestamp_seconds, certglance_target_certificate_days_left, certglance_target_cause{cause}, certglance_target_addresses, certglance_target_consistent, certglance_target_server_clock_skew_seconds{ip}, certglance_target_cached. Same inspection, cache, limits and refusals as /v1/inspect.',
          security: [{}, { bearer: [] }],
          parameters: targetParameters,
          responses: {
            '200': {
              description: 'Prometheus text exposition format',
              content: { 'text/plain': { schema: { type: 'string' } } },
            },
            ...refusals(),
          },
        },
      },
      '/healthz': {
        get: {
          operationId: 'health',
          summary: 'Liveness: 200 while the probe runs (no token needed)',
          security: [{}],
          responses: {
            '200': {
              description: 'running',
              content: {
                'application/json': {
                  schema: {
                    type: 'object',
                    properties: { status: { const: 'ok' } },
                    required: ['status'],
                  },
                },
              },
            },
          },
        },
      },
      '/metrics': {
        get: {
          operationId: 'metrics',
          summary: 'Prometheus metrics',
          description:
            'Requests, inspections by outcome, inspection durations, cache hits, and per recently inspected target certglance_probe_certificate_expiry_timestamp_seconds{host,port} and certglance_probe_target_failing{host,port}.',
          security: [{}, { bearer: [] }],
          responses: {
            '200': {
              description: 'Prometheus text exposition format',
              content: { 'text/plain': { schema: { type: 'string' } } },
            },
            '401': errorResponse('UNAUTHORIZED: the probe has a token and the request did not carry it'),
          },
        },
      },
      '/openapi.json': {
        get: {
          operationId: 'openapi',
          summary: 'This document (no token needed)',
          security: [{}],
          responses: { '200': { description: 'the OpenAPI document', content: { 'application/json': {} } } },
        },
      },
    },
    components: {
      securitySchemes: {
        bearer: {
          type: 'http',
          scheme: 'bearer',
          description: 'Required when the probe was started with a token (always, unless bound to loopback).',
        },
      },
      schemas: {
        InspectReport: report,
        ErrorBody: {
          type: 'object',
          properties: {
            error: {
              type: 'object',
              properties: {
                code: { type: 'string', enum: errorCodes },
                message: { type: 'string', description: 'for people; safe to show, never internals' },
              },
              required: ['code', 'message'],
            },
          },
          required: ['error'],
        },
      },
    },
  };
}
