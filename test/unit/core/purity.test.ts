import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';

const coreDir = join(import.meta.dirname, '../../../core');
const files = readdirSync(coreDir, { recursive: true, encoding: 'utf8' }).filter((f) => /\.tsx?$/.test(f));
const forbidden =
  /(?:from\s+|import\s*\(\s*|require\s*\(\s*)['"](node:[^'"]*|wxt[^'"]*|webextension-polyfill|@wxt-dev\/[^'"]*|fs|path|crypto|net|tls|dns|http|https)['"]/g;
const forbiddenGlobals =
  /\b(?:browser|chrome)\.(?:runtime|storage|tabs|webRequest|webNavigation|action)\b|\bdocument\.|\bwindow\.|\bDate\.now\(\)|new Date\(\)/g;

describe('core/ stays pure', () => {
  test('core/ has source files', () => {
    expect(files.length).toBeGreaterThan(3);
  });
  test.each(files)('%s imports no browser, wxt or Node API and reads no clock', (file) => {
    const text = readFileSync(join(coreDir, file), 'utf8');
    expect(text.match(forbidden) ?? []).toEqual([]);
    expect(text.match(forbiddenGlobals) ?? []).toEqual([]);
  });
});
