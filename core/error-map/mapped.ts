import type { Cause } from '../causes';
import type { MappedError } from '../types';

/** Builds a MappedError; `depth` is set only when known. */
export function mapped(
  raw: string,
  source: MappedError['source'],
  name: string | null,
  causes: readonly Cause[],
  certificateError: boolean,
  depth?: number,
): MappedError {
  const result: MappedError = { raw, source, name, causes: [...causes], certificateError };
  if (depth !== undefined) result.depth = depth;
  return result;
}

/** An error certglance does not recognise: no name, no cause, the raw text kept. Never a guessed cause. */
export function unrecognised(
  raw: string,
  source: MappedError['source'],
  certificateError = false,
): MappedError {
  return mapped(raw, source, null, [], certificateError);
}
