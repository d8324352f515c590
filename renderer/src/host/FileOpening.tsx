import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PickedFile } from '../../../electron/api/schemas/host.ts';
import { api, errorMessage } from '../api/client.ts';
import { readAsBase64 } from '../files/read-file.ts';
import { navigate } from '../router/hash-router.ts';
import { onHostEvent } from './host-events.ts';
import { openedBundles } from './opened-bundles.ts';
import './host.css';

const isBundle = (name: string) => name.toLowerCase().endsWith('.qklb');

/** Dropped bundles, uploaded as the page uploads any file (files.stage): the page names them by hash, never by path. */
async function stageDropped(files: File[]): Promise<PickedFile[]> {
  const staged: PickedFile[] = [];
  for (const file of files) {
    const s = await api.call('files.stage', { name: file.name, contentBase64: await readAsBase64(file, () => undefined) });
    staged.push({ ref: `staged:${s.id}`, name: s.name, size: s.size });
  }
  return staged;
}

/**
 * A .qklb opened with the program — a double-click in the file manager, a double-click
 * while the program runs, a drop on the window — opens 数据包交换 with the import
 * preview of that file. Drops that a page handles itself (the ledger import's drop
 * zone, a file input) are left to it.
 */
export function FileOpening() {
  const { t } = useTranslation();
  const [dragging, setDragging] = useState(false);
  const [message, setMessage] = useState<string | null>(null);

  useEffect(() => {
    const open = (files: PickedFile[]) => {
      if (files.length === 0) return;
      openedBundles.offer(files);
      navigate('bundles');
    };
    const takeOpened = () => {
      api.call('host.openedFiles', {}).then(
        (opened) => open(opened.files),
        () => undefined,
      );
    };
    takeOpened();
    const offOpened = onHostEvent('files-opened', takeOpened);

    const carriesFiles = (e: DragEvent) => e.dataTransfer?.types.includes('Files') ?? false;
    const onFileInput = (e: DragEvent) => e.target instanceof HTMLInputElement && e.target.type === 'file';
    const dragover = (e: DragEvent) => {
      if (!carriesFiles(e) || onFileInput(e) || e.defaultPrevented) return;
      // allows the drop (and stops the browser from opening the file in place of the app)
      e.preventDefault();
      setDragging(true);
    };
    const dragleave = (e: DragEvent) => {
      if (e.relatedTarget === null) setDragging(false);
    };
    const drop = (e: DragEvent) => {
      setDragging(false);
      if (!carriesFiles(e) || onFileInput(e) || e.defaultPrevented) return;
      e.preventDefault();
      const files = Array.from(e.dataTransfer?.files ?? []);
      const bundles = files.filter((f) => isBundle(f.name));
      if (bundles.length === 0) {
        setMessage(t('host.files.dropNotBundle'));
        return;
      }
      setMessage(null);
      stageDropped(bundles).then(open, (error: unknown) => setMessage(t('host.files.dropFailed', { message: errorMessage(error) })));
    };
    window.addEventListener('dragover', dragover);
    window.addEventListener('dragleave', dragleave);
    window.addEventListener('drop', drop);
    return () => {
      offOpened();
      window.removeEventListener('dragover', dragover);
      window.removeEventListener('dragleave', dragleave);
      window.removeEventListener('drop', drop);
    };
  }, [t]);

  return (
    <>
      {dragging && (
        <div className="file-drop-overlay" aria-hidden="true">
          {t('host.files.dropHint')}
        </div>
      )}
      {message && (
        <div className="notice notice-info" role="status" data-testid="file-drop-notice">
          {message}
          <button type="button" className="button button-link" onClick={() => setMessage(null)} aria-label="×">
            ×
          </button>
        </div>
      )}
    </>
  );
}
