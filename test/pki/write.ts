/**
 * Writes the test PKI to a directory for manual runs: `npx tsx test/pki/write.ts DIR`.
 * root.pem (trust this), then for each scenario NAME.pem (the served chain, leaf first) and NAME.key.pem.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { makeTestPki } from './make-pki';

const dir = process.argv[2];
if (!dir) {
  console.error('usage: npx tsx test/pki/write.ts DIR');
  process.exit(2);
}
const out = resolve(dir);
mkdirSync(out, { recursive: true });
const pki = await makeTestPki();
writeFileSync(join(out, 'root.pem'), pki.rootPem);
writeFileSync(join(out, 'other-root.pem'), pki.otherRoot.pem);
writeFileSync(join(out, 'intermediate.pem'), pki.intermediate.pem);
writeFileSync(join(out, 'expired-intermediate.pem'), pki.expiredIntermediate.pem);
for (const s of Object.values(pki.scenarios)) {
  writeFileSync(join(out, `${s.name}.pem`), s.served.map((c) => c.pem).join(''));
  writeFileSync(join(out, `${s.name}.key.pem`), s.leaf.keyPem, { mode: 0o600 });
  console.log(`${s.host.padEnd(32)} ${s.leaf.notBefore.toISOString()} .. ${s.leaf.notAfter.toISOString()}`);
}
console.log(`wrote ${out}`);
