import { describe, expect, test } from 'vitest';
import { rememberDers, withKnownDers } from '@/browser/der-cache';

const cert = (fp: string, der?: number[]) => ({
  fingerprint: { sha256: fp },
  ...(der ? { rawDER: der } : {}),
});

describe('DER of certificates seen before', () => {
  test('a chain whose every certificate is known gets its DER back, by fingerprint', () => {
    rememberDers([cert('AA:01', [1, 2, 3]), cert('AA:02', [4, 5])]);
    expect(withKnownDers([cert('AA:01'), cert('AA:02')])).toEqual([
      cert('AA:01', [1, 2, 3]),
      cert('AA:02', [4, 5]),
    ]);
  });

  test('one unknown certificate: nothing is filled in, the caller asks the browser for the DER', () => {
    rememberDers([cert('BB:01', [9])]);
    expect(withKnownDers([cert('BB:01'), cert('BB:99')])).toBeNull();
  });

  test('an empty or missing chain is not "known"', () => {
    expect(withKnownDers([])).toBeNull();
    expect(withKnownDers(undefined)).toBeNull();
  });

  test('certificates without a fingerprint or DER are not remembered', () => {
    rememberDers([{ rawDER: [1] }, cert('CC:01')]);
    expect(withKnownDers([cert('CC:01')])).toBeNull();
  });
});
