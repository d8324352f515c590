import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, errorMessage } from '../../api/client.ts';
import { Modal } from '../../components/Modal.tsx';
import { base64ToBytes } from '../../files/download.ts';

/** One activity photo, read from the core and shown as an image (the bytes stay in this window). */
export function PhotoDialog({ attachmentId, fileName, onClose }: { attachmentId: string; fileName: string; onClose: () => void }) {
  const { t } = useTranslation();
  const [url, setUrl] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    let made: string | null = null;
    api.call('publicity.photoFile', { attachmentId }).then(
      (f) => {
        if (!live) return;
        made = URL.createObjectURL(new Blob([base64ToBytes(f.contentBase64)], { type: f.mimeType }));
        setUrl(made);
      },
      (e: unknown) => live && setError(errorMessage(e)),
    );
    return () => {
      live = false;
      if (made) URL.revokeObjectURL(made);
    };
  }, [attachmentId]);
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
