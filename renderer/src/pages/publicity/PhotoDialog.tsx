import { useTranslation } from 'react-i18next';
import { Modal } from '../../components/Modal.tsx';
import { useObjectUrl } from '../../files/useObjectUrl.ts';
import { useCall } from '../../components/useLoad.ts';

/** One activity photo, read from the core and shown as an image (the bytes stay in this window). */
export function PhotoDialog({ attachmentId, fileName, onClose }: { attachmentId: string; fileName: string; onClose: () => void }) {
  const { t } = useTranslation();
  const { value: file, error } = useCall('publicity.photoFile', { attachmentId });
  const url = useObjectUrl(file);
  return (
    <Modal title={t('publicity.photo.title', { name: fileName })} onClose={onClose} size="large">
      {error && (
        <div className="notice notice-error" role="alert">
          {error}
        </div>
      )}
      {url && <img className="publicity-photo" src={url} alt={fileName} data-testid="publicity-photo" />}
      <div className="form-actions">
        <button type="button" className="button button-primary" onClick={onClose}>
          {t('publicity.photo.close')}
        </button>
      </div>
    </Modal>
  );
}
