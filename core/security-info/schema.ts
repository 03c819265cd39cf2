import { z } from 'zod';
import { MAX_CERTIFICATE_BYTES } from '../certificate';

/**
 * Firefox's `webRequest.getSecurityInfo(requestId, { certificateChain: true, rawDER: true })` answer, as validated.
 * Every field is optional: Firefox omits most of them for plain http, after an override, or when the caller did not
 * ask for the chain or the DER. Unknown keys are dropped.
 */

const byte = z.number().int().min(0).max(255);
/** Longer chains than this are not something a browser builds. */
const MAX_CHAIN_LENGTH = 32;

const firefoxCertSchema = z.object({
  subject: z.string().optional(),
  issuer: z.string().optional(),
  validity: z.object({ start: z.number().optional(), end: z.number().optional() }).optional(),
  fingerprint: z.object({ sha1: z.string().optional(), sha256: z.string().optional() }).optional(),
  serialNumber: z.string().optional(),
  isBuiltInRoot: z.boolean().optional(),
  subjectPublicKeyInfoDigest: z.object({ sha256: z.string().optional() }).optional(),
  rawDER: z.union([z.array(byte).max(MAX_CERTIFICATE_BYTES), z.instanceof(Uint8Array)]).optional(),
});

/** The schema of Firefox's SecurityInfo (the fields the extension reads). */
export const securityInfoSchema = z.object({
  state: z.string().optional(),
  errorMessage: z.string().optional(),
  protocolVersion: z.string().optional(),
  cipherSuite: z.string().optional(),
  keaGroupName: z.string().optional(),
  signatureSchemeName: z.string().optional(),
  secretKeyLength: z.number().optional(),
  certificateTransparencyStatus: z.string().optional(),
  isExtendedValidation: z.boolean().optional(),
  hsts: z.boolean().optional(),
  usedEch: z.boolean().optional(),
  usedOcsp: z.boolean().optional(),
  usedDelegatedCredentials: z.boolean().optional(),
  usedPrivateDns: z.boolean().optional(),
  overridableErrorCategory: z.string().optional(),
  weaknessReasons: z.union([z.array(z.string()), z.string()]).optional(),
  certificates: z.array(firefoxCertSchema).max(MAX_CHAIN_LENGTH).optional(),
});

/** One entry of Firefox's `certificates[]`, as validated. */
export type FirefoxCertificate = z.infer<typeof firefoxCertSchema>;
/** Firefox's SecurityInfo, as validated. */
export type FirefoxSecurityInfo = z.infer<typeof securityInfoSchema>;
