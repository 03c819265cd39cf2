import { describe, expect, test } from 'vitest';
import { corsHeaders, isExtensionOrigin } from '../../../probe/cors';
import { printable } from '../../../probe/printable';
import { bearerMatches, isLoopbackHostHeader } from '../../../probe/request-checks';

describe('bearerMatches', () => {
  test.each([
    ['Bearer s3cret-token-value-123', true],
    ['bearer s3cret-token-value-123', true],
    ['Bearer  s3cret-token-value-123', true],
    ['Bearer s3cret-token-value-124', false],
    ['Bearer s3cret', false],
    ['Basic s3cret-token-value-123', false],
    ['s3cret-token-value-123', false],
    [undefined, false],
  ])('%s -> %s', (header, ok) => {
    expect(bearerMatches(header, 's3cret-token-value-123')).toBe(ok);
  });
});

describe('isLoopbackHostHeader', () => {
  test.each([
    ['127.0.0.1:8787', true],
    ['localhost:8787', true],
    ['LOCALHOST', true],
    ['probe.localhost:8787', true],
    ['[::1]:8787', true],
    ['127.8.9.10', true],
    ['attacker.example:8787', false],
    ['localhost.attacker.example', false],
    ['10.0.0.1:8787', false],
    ['', false],
    [undefined, false],
  ])('%s -> %s', (header, ok) => {
    expect(isLoopbackHostHeader(header)).toBe(ok);
  });
});

describe('CORS', () => {
  test.each([
    ['moz-extension://0f2b1d3c-4e5f-4a6b-8c9d-0e1f2a3b4c5d', true],
    ['chrome-extension://aaaabbbbccccddddeeeeffffgggghhhh', true],
    ['https://example.com', false],
    ['moz-extension://x/evil', false],
    ['chrome-extension://abc.evil.com', false],
    [undefined, false],
  ])('%s is an extension origin: %s', (origin, ok) => {
    expect(isExtensionOrigin(origin)).toBe(ok);
    expect('access-control-allow-origin' in corsHeaders(origin)).toBe(ok);
  });
});

describe('printable: certificate text on a terminal', () => {
  test.each([
    ['plain name', 'plain name'],
    ['\u001b[31mred\u001b[0m', '\\u{1b}[31mred\\u{1b}[0m'],
    ['evil\u202egnp.exe', 'evil\\u{202e}gnp.exe'],
    ['line\nbreak', 'line\\u{a}break'],
    ['<img src=x onerror=alert(1)>', '<img src=x onerror=alert(1)>'],
  ])('%j -> %j', (input, output) => {
    expect(printable(input)).toBe(output);
  });

  test('long text is cut at 200 characters', () => {
    expect(Array.from(printable('x'.repeat(500)))).toHaveLength(200);
  });
});
