import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BlockDetail, BlockManager } from '../../../../../electron/api/schemas/blocks.ts';
import type { StagedFile } from '../../../../../electron/api/schemas/files.ts';
import type { Checklist, RecordItem } from '../../../../../electron/api/schemas/inspections.ts';
import type { BlockCheckDetail, CheckKind } from '../../../../../electron/api/schemas/routine.ts';
import { api } from '../../../api/client.ts';
import { Field } from '../../../components/Field.tsx';
import { FormDialog } from '../../../components/FormDialog.tsx';
import { useSubmit } from '../../../components/useSubmit.ts';
import { FilesField } from './FilesField.tsx';
import { todayIso } from '../../../format/time.ts';
import { checklistLabel, defaultChecklist } from '../../inspections/checklist-choice.ts';
import { ItemsTable } from '../../inspections/ItemsTable.tsx';

const fields = ['checkedUnitId', 'checkerManagerId', 'checkedOn', 'checklistKey', 'items', 'findings', 'checkedSigner', 'addFiles', 'removeFiles'];

type Props = { block: BlockDetail; kind: CheckKind; check?: undefined; onClose: () => void; onSaved: (check: BlockCheckDetail) => void } | { block?: undefined; kind?: undefined; check: BlockCheckDetail; onClose: () => void; onSaved: (check: BlockCheckDetail) => void };

/**
 * A 自查 or 互查: the unit checked, the checking safety manager (its own for 自查, another
 * member's for 互查), the date, each item of the pinned checklist, findings, the unit's
 * signer, photos. The members' managers come from the registry.
 */
export function CheckDialog(props: Props) {
  const { t } = useTranslation();
  const { check } = props;
  const kind: CheckKind = check ? check.kind : props.kind;
  const blockId = check ? check.blockId : props.block.id;
  const [members, setMembers] = useState<Array<{ unitId: string; name: string }>>(check ? [] : props.block.members.map((m) => ({ unitId: m.unitId, name: m.name })));
  const [managers, setManagers] = useState<BlockManager[] | null>(null);
  const [checklists, setChecklists] = useState<Checklist[]>([]);
  const [checklist, setChecklist] = useState(check ? `${check.checklistKey}@${check.checklistVersion}` : '');
  const [items, setItems] = useState<RecordItem[] | null>(check ? check.items : null);
  const [checkedUnitId, setCheckedUnitId] = useState(check?.checkedUnitId ?? '');
  const [checkerManagerId, setCheckerManagerId] = useState(check?.checkerManagerId ?? '');
  const [checkedOn, setCheckedOn] = useState(check?.checkedOn ?? todayIso());
  const [findings, setFindings] = useState(check?.findings ?? '');
  const [checkedSigner, setCheckedSigner] = useState(check?.checkedSigner ?? '');
  const [files, setFiles] = useState<StagedFile[]>([]);
  const [removed, setRemoved] = useState<string[]>([]);
  const submit = useSubmit(fields);
  const { fail } = submit;

  useEffect(() => {
    const unitsOf = check ? api.call('blocks.get', { id: blockId }).then((b) => b.members.map((m) => ({ unitId: m.unitId, name: m.name }))) : Promise.resolve(members);
    unitsOf.then((list) => {
      setMembers(list);
      return api.call('blocks.managers', { unitIds: list.map((m) => m.unitId) }).then(setManagers);
    }, fail);
    if (!check) {
      api.call('inspections.checklists', {}).then((lists) => {
        setChecklists(lists);
        const first = defaultChecklist(lists, null);
        setChecklist(first);
        const list = lists.find((l) => `${l.key}@${l.version}` === first);
        setItems(list ? list.items.map((i) => ({ ...i, result: null, note: null })) : []);
      }, fail);
    }
    // the block and kind of a dialog do not change while it is open
  }, [fail]);

  const pickChecklist = (value: string) => {
    setChecklist(value);
    const list = checklists.find((l) => `${l.key}@${l.version}` === value);
    setItems(list ? list.items.map((i) => ({ ...i, result: null, note: null })) : []);
  };
  const checkers = (managers ?? []).filter((m) => (kind === 'self' ? m.unitId === checkedUnitId : m.unitId !== checkedUnitId));

  const save = async () => {
    if (!items) return;
    const [checklistKey = 'common', version = '1'] = checklist.split('@');
    const saved = await api.call('blocks.saveCheck', {
      ...(check ? { id: check.id, version: check.version } : {}),
      blockId,
      kind,
      checkedUnitId,
      checkerManagerId,
      checkedOn,
      checklistKey,
      checklistVersion: Number(version),
      items: items.map((i) => ({ code: i.code, result: i.result, note: i.note })),
      findings,
      checkedSigner,
      addFiles: files.map((f) => f.id),
      removeFiles: removed,
    });
    props.onSaved(saved);
  };
  const err = submit.of;
  const kindWord = t(`routine.checkKind.${kind}`);
  const title = check ? t('routine.check.editTitle', { kind: kindWord }) : t('routine.check.newTitle', { kind: kindWord });

  return (
    <FormDialog title={title} onClose={props.onClose} submit={submit} onSubmit={save} size="large" layout="grid" formLabel={title}>
      <Field label={t('routine.check.checkedUnit')} required error={err('checkedUnitId')}>
        {(c) => (
          <select {...c} value={checkedUnitId} onChange={(e) => setCheckedUnitId(e.target.value)} data-autofocus>
            <option value="">{t('routine.check.choose')}</option>
            {members.map((m) => (
              <option key={m.unitId} value={m.unitId}>
                {m.name}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label={t('routine.check.checker')} hint={t(kind === 'mutual' ? 'routine.check.checkerMutualHint' : 'routine.check.checkerSelfHint')} required error={err('checkerManagerId')}>
        {(c) => (
          <select {...c} value={checkerManagerId} onChange={(e) => setCheckerManagerId(e.target.value)}>
            <option value="">{t('routine.check.choose')}</option>
            {checkers.map((m) => (
              <option key={m.managerId} value={m.managerId}>
                {`${m.name}（${m.unitName}）`}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label={t('routine.check.checkedOn')} required error={err('checkedOn')}>
        {(c) => <input {...c} type="date" value={checkedOn} onChange={(e) => setCheckedOn(e.target.value)} />}
      </Field>
      <Field label={t('routine.check.checklist')} error={err('checklistKey')}>
        {(c) => (
          <select {...c} value={checklist} onChange={(e) => pickChecklist(e.target.value)} disabled={Boolean(check)}>
            {check && <option value={checklist}>{check.checklistName}</option>}
            {checklists.map((l) => (
              <option key={`${l.key}@${l.version}-${l.id ?? ''}`} value={`${l.key}@${l.version}`}>
                {checklistLabel(t, l)}
              </option>
            ))}
          </select>
        )}
      </Field>
      {items && (
        <Field label={t('routine.check.items')} error={err('items')} className="field-wide">
          {() => <ItemsTable items={items} onChange={setItems} />}
        </Field>
      )}
      <Field label={t('routine.check.findings')} error={err('findings')} className="field-wide">
        {(c) => <textarea {...c} rows={3} value={findings} onChange={(e) => setFindings(e.target.value)} />}
      </Field>
      <Field label={t('routine.check.checkedSigner')} error={err('checkedSigner')}>
        {(c) => <input {...c} value={checkedSigner} onChange={(e) => setCheckedSigner(e.target.value)} />}
      </Field>
      <FilesField label={t('routine.check.addFiles')} kept={check?.files ?? []} removed={removed} onRemovedChange={setRemoved} files={files} onFilesChange={setFiles} submit={submit} />
    </FormDialog>
  );
}
