import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Checklist } from '../../../../electron/api/schemas/inspections.ts';
import { api } from '../../api/client.ts';
import { Field } from '../../components/Field.tsx';
import { FormDialog } from '../../components/FormDialog.tsx';
import { useSubmit } from '../../components/useSubmit.ts';
import { kindCodes } from '../equipment/kinds.ts';
import { kindName } from './labels.ts';

type Row = { code: string; text: string; basis: string };

/** A new version of a checklist (from the newest one) or a new list of the office: name, kind, items. */
export function ChecklistDialog({ base, onClose, onSaved }: { base: Checklist | null; onClose: () => void; onSaved: (saved: Checklist) => void }) {
  const { t } = useTranslation();
  const [name, setName] = useState(base?.name ?? '');
  const [kind, setKind] = useState(base?.equipmentKind ?? '');
  const [rows, setRows] = useState<Row[]>(base ? base.items.map((i) => ({ code: i.code, text: i.text, basis: i.basis ?? '' })) : [{ code: '1', text: '', basis: '' }]);
  const form = useSubmit(['name', 'equipmentKind', 'items']);
  const set = (n: number, change: Partial<Row>) => setRows((list) => list.map((r, i) => (i === n ? { ...r, ...change } : r)));

  const submit = async () => {
    const saved = await api.call('inspections.saveChecklist', {
      ...(base ? { key: base.key, basedOnVersion: base.version } : {}),
      name,
      equipmentKind: kind || null,
      items: rows.map((r) => ({ code: r.code, text: r.text, basis: r.basis })),
    });
    onSaved(saved);
  };
  const err = form.of;
  const title = base ? `${t('inspections.checklist.newVersion')}：${base.name}` : t('inspections.checklist.newList');

  return (
    <FormDialog title={title} onClose={onClose} submit={form} onSubmit={submit} size="large" layout="grid" formLabel={title}>
      <Field label={t('inspections.checklist.name')} required error={err('name')}>
        {(c) => <input {...c} value={name} onChange={(e) => setName(e.target.value)} data-autofocus />}
      </Field>
      <Field label={t('inspections.checklist.kind')} error={err('equipmentKind')}>
        {(c) => (
          <select {...c} value={kind} onChange={(e) => setKind(e.target.value)}>
            <option value="">{t('inspections.checklist.allKinds')}</option>
            {kindCodes.map((k) => (
              <option key={k} value={k}>
                {kindName(t, k)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label={t('inspections.checklist.items')} hint={t('inspections.checklist.itemsHint')} error={err('items')} className="field-wide">
        {() => (
          <div className="insp-items">
            <table className="list-table">
              <thead>
                <tr>
                  <th>{t('inspections.checklist.code')}</th>
                  <th>{t('inspections.checklist.text')}</th>
                  <th>{t('inspections.checklist.basis')}</th>
                  <th />
                </tr>
              </thead>
              <tbody>
                {rows.map((r, n) => (
                  <tr key={n}>
                    <td>
                      <input type="text" className="insp-code-input" value={r.code} onChange={(e) => set(n, { code: e.target.value })} aria-label={`${t('inspections.checklist.code')} ${n + 1}`} />
                    </td>
                    <td>
                      <textarea rows={2} className="insp-text-input" value={r.text} onChange={(e) => set(n, { text: e.target.value })} aria-label={`${t('inspections.checklist.text')} ${n + 1}`} />
                    </td>
                    <td>
                      <input type="text" value={r.basis} onChange={(e) => set(n, { basis: e.target.value })} aria-label={`${t('inspections.checklist.basis')} ${n + 1}`} />
                    </td>
                    <td>
                      <button type="button" className="button" onClick={() => setRows((list) => list.filter((_, i) => i !== n))} disabled={rows.length === 1}>
                        {t('inspections.checklist.removeItem')}
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
            <button type="button" className="button" onClick={() => setRows((list) => [...list, { code: String(list.length + 1), text: '', basis: '' }])}>
              {t('inspections.checklist.addItem')}
            </button>
          </div>
        )}
      </Field>
    </FormDialog>
  );
}
