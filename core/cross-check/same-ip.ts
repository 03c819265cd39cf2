/** An IP without IPv6 brackets, IPv4-mapped IPv6 ("::ffff:127.0.0.1") as IPv4, lower-case. */
function normalise(ip: string): string {
  return ip
    .replace(/^\[|\]$/g, '')
    .replace(/^::ffff:(\d+\.\d+\.\d+\.\d+)$/i, '$1')
    .toLowerCase();
}

/** IPs compared loosely: case, IPv6 brackets and IPv4-mapped IPv6 ("::ffff:127.0.0.1") do not matter. */
export function sameIp(a: string, b: string): boolean {
  return normalise(a) === normalise(b);
}
