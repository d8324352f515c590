import { useTranslation } from 'react-i18next';
import type { Operator, Session } from '../../../../electron/api/schemas/people.ts';
import { Modal } from '../../components/Modal.tsx';
import { OperatorChooser } from './OperatorChooser.tsx';

/** 切换经办人 over the current page; without a 经办人 (deactivated meanwhile) it cannot be dismissed. */
export function OperatorSwitchDialog({ current, onChosen, onClose }: { current: Operator | null; onChosen: (session: Session) => void; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal title={t('people.chooser.title')} onClose={current ? onClose : () => undefined} size="medium">
      <OperatorChooser current={current} onChosen={onChosen} />
      {current && (
        <div className="form-actions">
          <button type="button" className="button" onClick={onClose}>
            {t('people.chooser.cancel')}
          </button>
        </div>
      )}
    </Modal>
  );
}
