import type { CertificateView } from '@/core/popup-view';
import { CopyableCode } from './CopyableCode';
import { LevelBadge } from './LevelBadge';
import { ValidityBar } from './ValidityBar';

export interface CertificateCardProps {
  cert: CertificateView;
  onCopy: (text: string) => Promise<boolean>;
}

/** One certificate: name, role and level, its validity timeline, and the details a ticket needs. */
export function CertificateCard({ cert, onCopy }: CertificateCardProps) {
  return (
    <li class="certificate">
      <div class="certificate-head">
        <div>
          <div class="certificate-name">{cert.name}</div>
          <div class="muted">
            {cert.roleLabel} (depth {cert.depth})
          </div>
        </div>
        <LevelBadge level={cert.level} label={cert.levelLabel} />
      </div>
      <ValidityBar cert={cert} />
      <p class="summary">{cert.remainingText}</p>
      {cert.sans.length > 0 && (
        <p class="summary">
          Names: <span>{cert.sans.join(', ')}</span>
        </p>
      )}
      <details>
        <summary>Details and fingerprints</summary>
        <dl>
          <dt>Subject</dt>
          <dd>{cert.subject}</dd>
          <dt>Issuer</dt>
          <dd>{cert.issuer}</dd>
          <dt>Valid from</dt>
          <dd>{cert.notBeforeText}</dd>
          <dt>Valid until</dt>
          <dd>{cert.notAfterText}</dd>
          <dt>Key</dt>
          <dd>{cert.key}</dd>
          <dt>Signature</dt>
          <dd>{cert.signatureAlgorithm}</dd>
          <dt>Serial</dt>
          <dd>
            <code>{cert.serialNumber}</code>
          </dd>
          <dt>SHA-256</dt>
          <dd>
            <CopyableCode
              value={cert.fingerprintSha256}
              label={`SHA-256 fingerprint of ${cert.name}`}
              onCopy={onCopy}
            />
          </dd>
          <dt>SPKI SHA-256</dt>
          <dd>
            <CopyableCode value={cert.spkiSha256} label={`SPKI SHA-256 of ${cert.name}`} onCopy={onCopy} />
          </dd>
        </dl>
      </details>
    </li>
  );
}
