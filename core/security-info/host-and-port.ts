/** Host (brackets stripped from IPv6) and port of a URL; the port defaults by scheme (443 unless http/ws). */
export function hostAndPort(url: string): { host: string; port: number } | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  const host = parsed.hostname.replace(/^\[(.*)\]$/, '$1');
  if (!host) return null;
  const plain = parsed.protocol === 'http:' || parsed.protocol === 'ws:';
  const port = parsed.port ? Number(parsed.port) : plain ? 80 : 443;
  return { host, port };
}
