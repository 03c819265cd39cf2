import { createSecureContext, type SecureContext } from 'node:tls';

/**
 * Builds the client SecureContext once: Node's default roots (its bundled Mozilla store, or the system store when
 * Node runs with --use-openssl-ca or NODE_EXTRA_CA_CERTS) plus `extraCaPems`. Reuse it for every connection:
 * passing `ca` per connection rebuilds the store each time.
 */
export function buildSecureContext(extraCaPems: readonly string[]): SecureContext {
  const context = createSecureContext({});
  // addCACert adds to this context's own copy of the default store, where `ca` would replace the defaults.
  const native = context.context as { addCACert(pem: string): void };
  for (const pem of extraCaPems) native.addCACert(pem);
  return context;
}
