import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { StagedFile } from '../../../../../electron/api/schemas/files.ts';
import type { RecordFile } from '../../../../../electron/api/schemas/inspections.ts';
import { Field } from '../../../components/Field.tsx';
import { StagedFiles } from '../../../components/StagedFiles.tsx';
import type { Submit } from '../../../components/useSubmit.ts';

/** A record's files: the kept ones ticked (untick to remove on save), new ones staged; the call's addFiles / removeFiles. */
export function FilesField({
  label,
  kept,
  removed,
  onRemovedChange,
  files,
  onFilesChange,
  submit,
}: {
  label: string;
  kept: readonly z.infer<typeof RecordFile>[];
  removed: string[];
  onRemovedChange: (removed: string[]) => void;
  files: StagedFile[];
  onFilesChange: (files: StagedFile[]) => void;
  submit: Submit;
}) {
  const { t } = useTranslation();
  return (
    <Field label={label} error={submit.of('addFiles') ?? submit.of('removeFiles')} className="field-wide">
      {(c) => (
        <div>
          {kept.map((f) => (
            <label key={f.attachmentId} className="checkbox-inline">
              <input
                type="checkbox"
                checked={!removed.includes(f.attachmentId)}
                onChange={(e) => onRemovedChange(e.target.checked ? removed.filter((x) => x !== f.attachmentId) : [...removed, f.attachmentId])}
                aria-label={`${t('routine.check.removeFile')} ${f.fileName}`}
              />
              {f.fileName}
            </label>
          ))}
          <StagedFiles control={c} files={files} onChange={onFilesChange} onError={(message) => submit.setField('addFiles', message)} />
        </div>
      )}
    </Field>
  );
}
