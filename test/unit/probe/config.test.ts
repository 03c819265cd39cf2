import { describe, expect, test } from 'vitest';
import { DEFAULT_ALLOWED_PORTS } from '../../../probe/guard';
import { loadConfig } from '../../../probe/config';
import { makeTestPki } from '../../pki';

const TOKEN = 'a-long-enough-token-0123';
const BROKEN_PEM = `-----BEGIN CERTIFICATE-----
MIIBfDCCASOgAwIBAgIUHmk0jXh5Zm6bHxY3b3bC3Yf8bFAwCgYIKoZIzj0EAwIw
-----END CERTIFICATE-----`;

/** Files the config may read, by path; anything else is missing. */
function files(table: Record<string, string>): (path: string) => string {
  return (path) => {
    const text = table[path];
    if (text === undefined) throw Object.assign(new Error('missing'), { code: 'ENOENT' });
    return text;
  };
}

describe('loadConfig: defaults and sources', () => {
  test('no arguments: a loopback probe on 127.0.0.1:8787, any target, no token', () => {
    const config = loadConfig([], {});
    expect(config).toMatchObject({
      ok: true,
      value: {
        host: '127.0.0.1',
        port: 8787,
        token: null,
        restricted: false,
        allowPorts: 'any',
        extraCaPems: [],
      },
    });
    if (config.ok) expect(config.value.timeouts.deadlineMs).toBe(10_000);
  });

  test('environment variables are read; the command line wins', () => {
    const env = { PROBE_HOST: '127.0.0.2', PROBE_PORT: '9000', PROBE_TOKEN: TOKEN, PROBE_TIMEOUT_MS: '2500' };
    expect(loadConfig([], env)).toMatchObject({
      ok: true,
      value: { host: '127.0.0.2', port: 9000, token: TOKEN },
    });
    expect(loadConfig(['--port', '9100'], env)).toMatchObject({ ok: true, value: { port: 9100 } });
    const config = loadConfig([], env);
    if (config.ok) expect(config.value.timeouts).toMatchObject({ deadlineMs: 2500, connectMs: 2500 });
  });

  test('an off-loopback bind is restricted, with the default TLS port allow-list', () => {
    const config = loadConfig(['--host', '0.0.0.0', '--token', TOKEN], {});
    expect(config).toMatchObject({
      ok: true,
      value: { restricted: true, allowPorts: [...DEFAULT_ALLOWED_PORTS] },
    });
  });

  test('--public restricts a loopback probe too (one behind a reverse proxy)', () => {
    expect(loadConfig(['--public', '--token', TOKEN], {})).toMatchObject({
      ok: true,
      value: { restricted: true },
    });
  });

  test('--allow-no-token runs an off-loopback probe open on purpose', () => {
    expect(loadConfig(['--host', '::', '--allow-no-token'], {})).toMatchObject({
      ok: true,
      value: { token: null, restricted: true },
    });
  });

  test('--allow-cidr (repeatable) and PROBE_ALLOW_CIDRS (comma list)', () => {
    const a = loadConfig(
      ['--host', '0.0.0.0', '--token', TOKEN, '--allow-cidr', '10.0.0.0/8', '--allow-cidr', 'fd00::/8'],
      {},
    );
    const b = loadConfig(['--host', '0.0.0.0', '--token', TOKEN], {
      PROBE_ALLOW_CIDRS: '10.0.0.0/8,fd00::/8',
    });
    for (const config of [a, b]) {
      expect(config.ok && config.value.allowCidrs.map(([ip, bits]) => `${ip.toString()}/${bits}`)).toEqual([
        '10.0.0.0/8',
        'fd00::/8',
      ]);
    }
  });

  test('--trust-proxy (repeatable) and PROBE_TRUST_PROXY (comma list); none by default', () => {
    const a = loadConfig(['--trust-proxy', '127.0.0.2', '--trust-proxy', '::1'], {});
    const b = loadConfig([], { PROBE_TRUST_PROXY: '127.0.0.2,::1' });
    for (const config of [a, b]) {
      expect(config.ok && config.value.trustProxy.map(([ip, bits]) => `${ip.toString()}/${bits}`)).toEqual([
        '127.0.0.2/32',
        '::1/128',
      ]);
    }
    expect(loadConfig([], {})).toMatchObject({ ok: true, value: { trustProxy: [] } });
  });

  test('--ca-file adds every certificate of the bundle', async () => {
    const pki = await makeTestPki();
    const bundle = `# private roots\n${pki.rootPem}\n${pki.intermediate.pem}`;
    const config = loadConfig(['--ca-file', '/roots.pem'], {}, files({ '/roots.pem': bundle }));
    expect(config.ok && config.value.extraCaPems.map((p) => p.trim())).toEqual([
      pki.rootPem.trim(),
      pki.intermediate.pem.trim(),
    ]);
  });
});

describe('loadConfig: bad configuration stops the probe with a message that says what to fix', () => {
  test.each([
    [['--host', 'example.com'], {}, /--host must be an IP address/],
    [['--port', '70000'], {}, /--port must be between 0 and 65535/],
    [['--port', 'http'], {}, /--port must be a whole number/],
    [[], { PROBE_PORT: '-5' }, /--port must be a whole number/],
    [['--host', '0.0.0.0'], {}, /needs --token/],
    [['--host', '192.0.2.10'], {}, /needs --token .*--allow-no-token/],
    [['--token', 'short'], {}, /at least 16 characters/],
    [['--token', 'has spaces in the token'], {}, /without spaces/],
    [['--ca-file', '/missing.pem'], {}, /--ca-file \/missing\.pem: cannot read it \(ENOENT\)/],
    [['--ca-file', '/empty.pem'], {}, /no PEM certificate/],
    [['--ca-file', '/broken.pem'], {}, /certificate #1 cannot be parsed/],
    [['--allow-cidr', '10.0.0/8'], {}, /--allow-cidr: "10.0.0\/8" is not an IP range/],
    [['--trust-proxy', 'lb.internal'], {}, /--trust-proxy: "lb.internal" is not an IP range/],
    [['--allow-ports', '443,0'], {}, /--allow-ports entry must be between 1 and 65535/],
    [['--timeout-ms', '10'], {}, /--timeout-ms must be between 500 and 120000/],
    [['--log-level', 'loud'], {}, /--log-level must be one of/],
    [['--bogus'], {}, /Unknown option '--bogus'/],
    [['stray'], {}, /Unexpected argument 'stray'/],
  ] as [string[], Record<string, string>, RegExp][])('%j %j', (argv, env, message) => {
    const config = loadConfig(argv, env, files({ '/empty.pem': 'nothing here', '/broken.pem': BROKEN_PEM }));
    expect(config.ok).toBe(false);
    if (!config.ok) {
      expect(config.error.code).toBe('INVALID_CONFIG');
      expect(config.error.message).toMatch(message);
    }
  });
});
