import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PlanDetail, PlanOptions, RecordDetail, RecordItem, TeamMember } from '../../../../electron/api/schemas/inspections.ts';
import { api, errorMessage } from '../../api/client.ts';
import { useAppContext } from '../../app/app-context.ts';
import { Field } from '../../components/Field.tsx';
import { FormDialog } from '../../components/FormDialog.tsx';
import { useSubmit } from '../../components/useSubmit.ts';
import { readAsBase64 } from '../../files/read-file.ts';
import { todayIso } from '../../format/time.ts';
import { ItemsTable } from './ItemsTable.tsx';
import { TeamPicker } from './TeamPicker.tsx';

const fields = ['inspectedOn', 'team', 'items', 'findings', 'unitSigner', 'addFiles', 'removeFiles', 'unitId'];

type Props = { onClose: () => void; onSaved: (record: RecordDetail) => void } & ({ plan: PlanDetail; unitId: string; record?: undefined } | { record: RecordDetail; plan?: undefined; unitId?: undefined });

/** The record of one visit: date, team, every item 符合 / 不符合 / 不适用 with a note, findings, the unit's signer, photos and files. */
export function RecordDialog(props: Props) {
  const { t } = useTranslation();
  const { node } = useAppContext();
  const { record } = props;
  const planId = record ? record.planId : props.plan.id;
  const unitId = record ? record.unitId : props.unitId;
  const unitName = record ? record.unitName : (props.plan.units.find((u) => u.id === props.unitId)?.name ?? '');
  const [options, setOptions] = useState<PlanOptions | null>(null);
  const [items, setItems] = useState<RecordItem[] | null>(record ? record.items : null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [inspectedOn, setInspectedOn] = useState(record?.inspectedOn ?? todayIso());
  const [team, setTeam] = useState<TeamMember[]>(record ? record.team : props.plan.team);
  const [findings, setFindings] = useState(record?.findings ?? '');
  const [unitSigner, setUnitSigner] = useState(record?.unitSigner ?? '');
  const [removed, setRemoved] = useState<string[]>([]);
  const [added, setAdded] = useState<Array<{ id: string; name: string }>>([]);
  const submit = useSubmit(fields);

  useEffect(() => {
    api.call('inspections.planOptions', {}).then(setOptions, (e: unknown) => setLoadError(errorMessage(e)));
    if (record) return;
    const { checklistKey, checklistVersion } = props.plan;
    api.call('inspections.checklists', {}).then(
      (lists) => {
        const same = lists.filter((l) => l.key === checklistKey && l.version === checklistVersion);
        // as the core resolves a pin: the office's own version first, then the shipped one
        const list = same.find((l) => l.source === 'office' && l.originNode === node.id) ?? same.find((l) => l.source === 'shipped');
        setItems(list ? list.items.map((i) => ({ ...i, result: null, note: null })) : []);
      },
      (e: unknown) => setLoadError(errorMessage(e)),
    );
    // the plan and unit of a new record do not change while the dialog is open
  }, []);

  // the form waits while files are staged, as while it saves; a refused file is named at the files
  const upload = (files: FileList | null) => {
    if (!files) return;
    void submit.run(async () => {
      try {
        for (const file of [...files]) {
          const staged = await api.call('files.stage', { name: file.name, contentBase64: await readAsBase64(file, () => undefined) });
          setAdded((list) => [...list, { id: staged.id, name: staged.name }]);
        }
      } catch (e) {
        submit.setField('addFiles', errorMessage(e));
      }
    });
  };

  const save = async () => {
    if (!items) return;
    const saved = await api.call('inspections.saveRecord', {
      ...(record ? { id: record.id, version: record.version } : {}),
      planId,
      unitId,
      inspectedOn,
      team,
      items: items.map((i) => ({ code: i.code, result: i.result, note: i.note })),
      findings,
      unitSigner,
      addFiles: added.map((f) => f.id),
      removeFiles: removed,
    });
    props.onSaved(saved);
  };
  const err = submit.of;
  // nothing while the lists load, as before; why they could not, in their place
  const loadNotice = loadError ? (
    <div className="notice notice-error" role="alert">
      {loadError}
    </div>
  ) : (
    <></>
  );
  const title = `${record ? t('inspections.record.edit') : t('inspections.record.new')}：${unitName}`;

  return (
    <FormDialog
      title={title}
      onClose={props.onClose}
      submit={submit}
      onSubmit={save}
      size="large"
      layout="grid"
      formClassName="form-grid insp-record-form"
      formLabel={t('inspections.record.edit')}
      placeholder={options && items && !loadError ? undefined : loadNotice}
    >
      {options && items && (
        <>
          <Field label={t('inspections.record.inspectedOn')} required error={err('inspectedOn')}>
            {(c) => <input {...c} type="date" value={inspectedOn} onChange={(e) => setInspectedOn(e.target.value)} data-autofocus />}
          </Field>
          <Field label={t('inspections.record.unitSigner')} error={err('unitSigner')}>
            {(c) => <input {...c} value={unitSigner} onChange={(e) => setUnitSigner(e.target.value)} />}
          </Field>
          <Field label={t('inspections.record.team')} error={err('team')} className="field-wide">
            {() => <TeamPicker options={options} team={team} onChange={setTeam} />}
          </Field>
          <Field label={t('inspections.record.items')} error={err('items')} className="field-wide">
            {() => <ItemsTable items={items} onChange={setItems} />}
          </Field>
          <Field label={t('inspections.record.findings')} error={err('findings')} className="field-wide">
            {(c) => <textarea {...c} rows={3} value={findings} onChange={(e) => setFindings(e.target.value)} />}
          </Field>
          <Field label={t('inspections.record.files')} hint={t('inspections.record.fileHint')} error={err('addFiles') ?? err('removeFiles')} className="field-wide">
            {(c) => (
              <div className="insp-files">
                {record?.files.map((f) => (
                  <label key={f.attachmentId} className="checkbox-inline">
                    <input
                      type="checkbox"
                      checked={!removed.includes(f.attachmentId)}
                      onChange={(e) => setRemoved((list) => (e.target.checked ? list.filter((x) => x !== f.attachmentId) : [...list, f.attachmentId]))}
                      aria-label={`${t('inspections.record.removeFile')} ${f.fileName}`}
                    />
                    {f.fileName}
                  </label>
                ))}
                {added.map((f) => (
                  <span key={f.id} className="insp-chip">
                    {f.name}
                  </span>
                ))}
                <input {...c} type="file" multiple accept=".pdf,.jpg,.jpeg,.png,.doc,.docx,.xls,.xlsx" aria-label={t('inspections.record.addFiles')} onChange={(e) => upload(e.target.files)} />
              </div>
            )}
          </Field>
        </>
      )}
    </FormDialog>
  );
}
