import { describe, expect, test } from 'vitest';
import { parseHost, parseHostPort, parsePort } from '../../../probe/target';

describe('parseHost', () => {
  test.each([
    ['example.com', 'example.com', 0],
    ['Example.COM.', 'example.com', 0],
    ['bücher.example', 'xn--bcher-kva.example', 0],
    ['xn--bcher-kva.example', 'xn--bcher-kva.example', 0],
    ['ex\u00ADample.com', 'example.com', 0],
    ['_acme.internal', '_acme.internal', 0],
    ['127.0.0.1', '127.0.0.1', 4],
    ['::1', '::1', 6],
    ['[::1]', '::1', 6],
    ['2001:DB8::1', '2001:db8::1', 6],
  ])('%s -> %s', (input, host, ipFamily) => {
    expect(parseHost(input)).toEqual({ ok: true, value: { host, ipFamily } });
  });

  test.each([
    ['', 'empty'],
    ['a b.com', 'a space'],
    [' example.com', 'a leading space'],
    ['x'.repeat(300), '300 characters'],
    [`${'a'.repeat(64)}.com`, 'a 64-character label'],
    ['127.0.0.1/x', 'a path'],
    ['a..b', 'an empty label'],
    ['-a.com', 'a leading hyphen'],
    ['a.com:443', 'a port'],
    ['user@a.com', 'userinfo'],
    ['2130706433', 'a decimal IPv4'],
    ['127.1', 'a short IPv4'],
    ['0x7f.1', 'a hex IPv4'],
    ['\u202eevil.com', 'a bidi override'],
    ['a\u0000.com', 'a NUL'],
    ['[::1', 'an unclosed bracket'],
    [42, 'a number'],
    [['a.com'], 'an array'],
  ])('%s is INVALID_HOST (%s)', (input, _why) => {
    const result = parseHost(input);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toBe('INVALID_HOST');
  });
});

describe('parsePort', () => {
  test.each([
    [undefined, 443],
    ['', 443],
    ['1', 1],
    ['8443', 8443],
    ['65535', 65535],
    [8443, 8443],
  ])('%s -> %s', (input, port) => {
    expect(parsePort(input)).toEqual({ ok: true, value: port });
  });

  test.each(['0', '70000', '65536', '-1', '1e3', ' 443', '443 ', '0x1bb', 'https', '123456'])(
    '%s is INVALID_PORT',
    (input) => {
      expect(parsePort(input)).toMatchObject({ ok: false, error: { code: 'INVALID_PORT' } });
    },
  );
});

describe('parseHostPort (the command line)', () => {
  test.each([
    ['example.com', 'example.com', 443],
    ['example.com:8443', 'example.com', 8443],
    ['[::1]:8443', '::1', 8443],
    ['::1', '::1', 443],
    ['https://example.com/path', 'example.com', 443],
    ['https://example.com:9443/', 'example.com', 9443],
    ['127.0.0.1:636', '127.0.0.1', 636],
  ])('%s -> %s port %d', (input, host, port) => {
    expect(parseHostPort(input)).toMatchObject({ ok: true, value: { host, port } });
  });

  test.each(['example.com:0', 'example.com:99999', 'exa mple.com', 'https://', ''])(
    '%s is refused',
    (input) => {
      expect(parseHostPort(input).ok).toBe(false);
    },
  );
});
