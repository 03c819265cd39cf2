import type { CertificateView, PopupView } from '@/core/popup-view';
import { CertificateCard } from './CertificateCard';

export interface ChainListProps {
  chain: CertificateView[];
  source: PopupView['chainSource'];
  onCopy: (text: string) => Promise<boolean>;
}

/** The certificate chain, leaf first, saying whose view it is. */
export function ChainList({ chain, source, onCopy }: ChainListProps) {
  if (chain.length === 0 || source === null) return null;
  return (
    <section aria-labelledby="chain-title">
      <h2 id="chain-title">Certificate chain</h2>
      <p class="muted">
        {source === 'browser' ? 'As your browser built it' : 'As the certglance probe received it'}, server
        certificate first.
      </p>
      <ol class="chain" aria-label="Certificates, server certificate first">
        {chain.map((cert) => (
          <CertificateCard key={`${cert.depth}-${cert.fingerprintSha256}`} cert={cert} onCopy={onCopy} />
        ))}
      </ol>
    </section>
  );
}
