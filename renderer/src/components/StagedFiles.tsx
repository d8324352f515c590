import { useState } from 'react';
import type { StagedFile } from '../../../electron/api/schemas/files.ts';
import { api, errorMessage } from '../api/client.ts';
import type { ControlProps } from './Field.tsx';
import { readAsBase64 } from '../files/read-file.ts';

/** Files chosen for a step (photos, reports): each handed to the core at once (files.stage); the step names them by hash. */
export function StagedFiles({ control, files, onChange, onError }: { control: ControlProps; files: StagedFile[]; onChange: (files: StagedFile[]) => void; onError: (message: string) => void }) {
  const [busy, setBusy] = useState(false);
  const add = async (list: FileList | null) => {
    if (!list || list.length === 0) return;
    setBusy(true);
    try {
      const staged: StagedFile[] = [];
      for (const file of Array.from(list)) staged.push(await api.call('files.stage', { name: file.name, contentBase64: await readAsBase64(file, () => undefined) }));
      onChange([...files, ...staged.filter((s) => !files.some((f) => f.id === s.id))]);
    } catch (error) {
      onError(errorMessage(error));
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="staged-files">
      <input {...control} type="file" multiple disabled={busy} onChange={(e) => void add(e.target.files).then(() => (e.target.value = ''))} />
      {files.length > 0 && (
        <ul className="staged-list">
          {files.map((f) => (
            <li key={f.id}>
              {f.name}（{Math.max(1, Math.round(f.size / 1024))} KB）
              <button type="button" className="button button-link" aria-label={`× ${f.name}`} onClick={() => onChange(files.filter((x) => x.id !== f.id))}>
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
