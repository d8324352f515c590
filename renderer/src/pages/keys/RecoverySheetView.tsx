import { useEffect } from 'react';
import { createPortal } from 'react-dom';
import { useTranslation } from 'react-i18next';
import type { CallOutput } from '../../../../electron/api/contract.ts';
import { formatDate } from '../../format/time.ts';
import { Fingerprint } from './Fingerprint.tsx';

type Sheet = CallOutput<'keys.recoverySheet'>;

/**
 * The bureau's recovery sheet as one A4 page over the app (the print hides the app
 * behind it). The secret lives only in this component's props: closing it drops it.
 */
export function RecoverySheetView({ sheet, onClose }: { sheet: Sheet; onClose: () => void }) {
  const { t } = useTranslation();

  useEffect(() => {
    document.body.classList.add('printing-recovery');
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') onClose();
    };
    document.addEventListener('keydown', onKey);
    return () => {
      document.body.classList.remove('printing-recovery');
      document.removeEventListener('keydown', onKey);
    };
  }, [onClose]);

  return createPortal(
    <div className="recovery-overlay" role="dialog" aria-modal="true" aria-labelledby="recovery-title">
      <div className="recovery-toolbar">
        <button type="button" className="button button-primary" onClick={() => window.print()}>
          {t('keys.sheet.print')}
        </button>
        <button type="button" className="button" onClick={onClose}>
          {t('keys.sheet.close')}
        </button>
      </div>
      <article className="recovery-sheet" data-testid="recovery-sheet">
        <h1 id="recovery-title" className="recovery-title">
          {t('keys.sheet.title')}
        </h1>
        <div className="recovery-warning" role="note">
          {t('keys.sheet.warning')}
        </div>
        <dl className="recovery-facts">
          <dt>{t('keys.sheet.node')}</dt>
          <dd>{sheet.nodeName}</dd>
          <dt>{t('keys.sheet.nodeId')}</dt>
          <dd className="mono">{sheet.nodeId}</dd>
          <dt>{t('keys.sheet.printedAt')}</dt>
          <dd>{formatDate(sheet.printedAt)}</dd>
          <dt>{t('keys.sheet.recipient')}</dt>
          <dd className="mono break">{sheet.backupRecipient}</dd>
          <dt>{t('keys.sheet.fingerprint')}</dt>
          <dd>
            <Fingerprint value={sheet.backupFingerprint} size="small" />
          </dd>
          <dt>{t('keys.sheet.secret')}</dt>
          <dd className="recovery-secret mono" data-testid="recovery-secret">
            {sheet.backupSecret}
          </dd>
        </dl>
        <p>{t('keys.sheet.use')}</p>
        <div className="recovery-sign">
          <span>{t('keys.sheet.keeper')}</span>
          <span>{t('keys.sheet.date')}</span>
        </div>
      </article>
    </div>,
    document.body,
  );
}
