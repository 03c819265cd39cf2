/** The probe's own error codes for requests it refuses, and the HTTP status each one answers with. */
export const PROBE_ERROR_STATUS = {
  INVALID_HOST: 400,
  INVALID_PORT: 400,
  PORT_NOT_ALLOWED: 403,
  TARGET_FORBIDDEN: 403,
  HOST_HEADER_FORBIDDEN: 403,
  UNAUTHORIZED: 401,
  NOT_FOUND: 404,
  METHOD_NOT_ALLOWED: 405,
  RATE_LIMITED: 429,
  BUSY: 503,
  INTERNAL: 500,
} as const;

export type ProbeErrorCode = keyof typeof PROBE_ERROR_STATUS;

/** A refusal as data: a stable code and a message safe to show to the caller. */
export interface ProbeError {
  code: ProbeErrorCode;
  message: string;
}

/** The body every 4xx/5xx answer carries: `{ "error": { "code", "message" } }`. */
export function errorBody(error: ProbeError): { error: ProbeError } {
  return { error: { code: error.code, message: error.message } };
}

/** HTTP status for a probe error code. */
export function errorStatus(code: ProbeErrorCode): number {
  return PROBE_ERROR_STATUS[code];
}
