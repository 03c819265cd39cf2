import { z } from 'zod';
import { CAUSES } from './causes';
import { LEVELS } from './types';

/**
 * The probe's answer to GET /v1/inspect: the contract between the probe and the extension.
 * The extension validates every answer against this schema; the probe builds it from the same types.
 */

const iso = z
  .string()
  .refine((s) => !Number.isNaN(Date.parse(s)), 'expected an ISO date')
  .meta({ format: 'date-time' });
const cause = z.enum(CAUSES);

export const certSummarySchema = z.object({
  subject: z.string(),
  issuer: z.string(),
  commonName: z.string().nullable(),
  sans: z.array(z.object({ type: z.enum(['dns', 'ip']), value: z.string() })),
  notBefore: iso,
  notAfter: iso,
  serialNumber: z.string(),
  fingerprintSha256: z.string().regex(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/),
  spkiSha256: z.string(),
  key: z.object({ type: z.string(), bits: z.number().optional(), curve: z.string().optional() }),
  signatureAlgorithm: z.string(),
  isCA: z.boolean(),
  selfIssued: z.boolean(),
  authorityKeyId: z.string().nullable(),
  subjectKeyId: z.string().nullable(),
  ocspUrls: z.array(z.string()),
  caIssuerUrls: z.array(z.string()),
  sctCount: z.number().int().nonnegative(),
});

export const chainEntrySchema = certSummarySchema.extend({
  /** Days left at probedAt (fractional; negative when expired). */
  daysLeft: z.number(),
  lifetimeDays: z.number(),
  level: z.enum(LEVELS),
});

export const addressReportSchema = z.object({
  ip: z.string(),
  family: z.union([z.literal(4), z.literal(6)]),
  ok: z.boolean(),
  error: z.object({ code: z.string(), message: z.string() }).optional(),
  tls: z.object({ protocol: z.string().nullable(), cipher: z.string().nullable() }).nullable(),
  /** What the server sent, leaf first, ordered by issuer; ends with the trusted root that completes it, when one does. */
  chain: z.array(chainEntrySchema),
  verification: z.object({
    trusted: z.boolean(),
    cause: cause.nullable(),
    /** The TLS stack's own code, e.g. CERT_HAS_EXPIRED. */
    rawError: z.string().nullable(),
    hostnameMatch: z.boolean().nullable(),
    /** Depth of the failing certificate, when known. */
    depth: z.number().int().nonnegative().nullable(),
  }),
  ocsp: z.object({ stapled: z.boolean() }),
  /** The server's HTTP Date over the same connection, ISO, when it answered HTTP. */
  serverDate: iso.nullable(),
  /** server - probe clock, in seconds (positive: server ahead). */
  clockSkewSeconds: z.number().nullable(),
  timings: z.object({
    connectMs: z.number().nullable(),
    handshakeMs: z.number().nullable(),
    totalMs: z.number(),
  }),
});

export const inspectReportSchema = z.object({
  target: z.object({ host: z.string(), port: z.number().int().min(1).max(65535) }),
  /** ISO, the probe's clock. */
  probedAt: iso,
  addresses: z.array(addressReportSchema),
  summary: z.object({
    status: z.enum([...LEVELS, 'error']),
    earliestExpiry: z
      .object({
        notAfter: iso,
        daysLeft: z.number(),
        depth: z.number().int().nonnegative(),
        subject: z.string(),
      })
      .nullable(),
    consistent: z.boolean(),
    causes: z.array(z.object({ cause, detail: z.string(), addresses: z.array(z.string()) })),
  }),
  /** Whether this answer came from the probe's short cache. */
  cached: z.boolean().optional(),
});

export type ChainEntry = z.infer<typeof chainEntrySchema>;

/** Summary statuses of a site that fails in a browser: an error, or a certificate expired or not yet valid. */
export function isFailingStatus(status: InspectReport['summary']['status']): boolean {
  return status === 'error' || status === 'expired' || status === 'not_yet_valid';
}
export type AddressReport = z.infer<typeof addressReportSchema>;
export type InspectReport = z.infer<typeof inspectReportSchema>;

export const probeErrorSchema = z.object({ error: z.object({ code: z.string(), message: z.string() }) });
export type ProbeErrorBody = z.infer<typeof probeErrorSchema>;
