/** Origins of browser extensions: the only web origins the probe answers with CORS headers. */
const EXTENSION_ORIGIN = /^(?:moz-extension|chrome-extension|safari-web-extension):\/\/[0-9a-z-]{1,64}$/i;

/** Whether an Origin header is a browser extension's. */
export function isExtensionOrigin(origin: string | undefined): origin is string {
  return origin !== undefined && EXTENSION_ORIGIN.test(origin);
}

/** CORS headers for an extension origin; none for any other origin (web pages get no access). */
export function corsHeaders(origin: string | undefined): Record<string, string> {
  if (!isExtensionOrigin(origin)) return {};
  return {
    'access-control-allow-origin': origin,
    'access-control-allow-methods': 'GET, OPTIONS',
    'access-control-allow-headers': 'Authorization',
    'access-control-expose-headers': 'Retry-After',
    'access-control-max-age': '600',
  };
}
