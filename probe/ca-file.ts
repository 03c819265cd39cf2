import { X509Certificate } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Result } from '../core/types';

function invalidCa(message: string): Result<never> {
  return { ok: false, error: { code: 'INVALID_CONFIG', message } };
}

/** Reads a PEM bundle and checks that it holds at least one certificate and nothing unparsable. */
export function readCaFile(
  path: string,
  read: (p: string) => string = (p) => readFileSync(p, 'utf8'),
): Result<string[]> {
  let text: string;
  try {
    text = read(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'unreadable';
    return invalidCa(`--ca-file ${path}: cannot read it (${code})`);
  }
  const pems = text.match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g) ?? [];
  if (pems.length === 0) return invalidCa(`--ca-file ${path}: no PEM certificate in it`);
  for (const [index, pem] of pems.entries()) {
    try {
      new X509Certificate(pem);
    } catch {
      return invalidCa(`--ca-file ${path}: certificate #${index + 1} cannot be parsed`);
    }
  }
  return { ok: true, value: pems };
}
