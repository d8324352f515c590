import { useTranslation } from 'react-i18next';
import type { Block } from '../../../../electron/api/schemas/blocks.ts';
import { useCall } from '../../components/useLoad.ts';
import { Modal } from '../../components/Modal.tsx';
import { formatDate } from '../../format/time.ts';

/** Who joined or left when and why; inspectors and supervisors assigned or taken off; creation and dissolution. */
export function HistoryDialog({ block, onClose }: { block: Block; onClose: () => void }) {
  const { t } = useTranslation();
  const { value: detail, error } = useCall('blocks.get', { id: block.id });

  return (
    <Modal title={t('blocks.historyDialog.title', { name: block.name })} onClose={onClose} size="medium">
      {error && (
        <div className="notice notice-error" role="alert">
          {error}
        </div>
      )}
      {!detail && !error && <div className="muted">{t('app.loading')}</div>}
      {detail && (
        <div className="history-scroll">
          <table className="list-table" data-testid="block-history">
            <thead>
              <tr>
                <th>{t('blocks.historyDialog.at')}</th>
                <th>{t('blocks.historyDialog.event')}</th>
                <th>{t('blocks.historyDialog.subject')}</th>
                <th>{t('blocks.historyDialog.reason')}</th>
              </tr>
            </thead>
            <tbody>
              {detail.history.map((e, i) => (
                <tr key={i} data-kind={e.kind}>
                  <td>{formatDate(e.at)}</td>
                  <td>{t(`blocks.historyDialog.kind.${e.kind}`)}</td>
                  <td>{e.subject}</td>
                  <td>{e.reason ?? ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <div className="form-actions">
        <button type="button" className="button" onClick={onClose} data-autofocus>
          {t('common.close')}
        </button>
      </div>
    </Modal>
  );
}
