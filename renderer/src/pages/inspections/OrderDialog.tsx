import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RecordDetail } from '../../../../electron/api/schemas/inspections.ts';
import type { OrderDetail } from '../../../../electron/api/schemas/supervision-orders.ts';
import { api } from '../../api/client.ts';
import { Field } from '../../components/Field.tsx';
import { FormDialog } from '../../components/FormDialog.tsx';
import { useSubmit } from '../../components/useSubmit.ts';
import { todayIso } from '../../format/time.ts';
import { useLoad } from '../../components/useLoad.ts';

const fields = ['content', 'hazardIds', 'issuedOn', 'workingDays', 'deadline', 'unitId'];

function contentFrom(record: RecordDetail): string {
  const problems = record.items.filter((i) => i.result === 'problem').map((i, n) => `${n + 1}. ${i.note ?? i.text}（${i.code}）`);
  return [record.findings ?? '', ...problems].filter(Boolean).join('\n');
}

/** 安全监察指令书 after a visit: what the unit must do, the hazards it covers, the deadline in working days or as a date. */
export function OrderDialog({ record, onClose, onIssued }: { record: RecordDetail; onClose: () => void; onIssued: (order: OrderDetail) => void }) {
  const { t } = useTranslation();
  const open = record.foundHazards.filter((h) => h.state !== 'closed' && h.state !== 'archived');
  const [content, setContent] = useState(contentFrom(record));
  const [hazardIds, setHazardIds] = useState<string[]>(open.map((h) => h.id));
  const [issuedOn, setIssuedOn] = useState(todayIso() < record.inspectedOn ? record.inspectedOn : todayIso());
  const [mode, setMode] = useState<'days' | 'date'>('days');
  const [workingDays, setWorkingDays] = useState('');
  const [deadline, setDeadline] = useState('');
  const form = useSubmit(fields);

  useEffect(() => {
    api.call('inspections.settings', {}).then((s) => setWorkingDays((d) => d || String(s.orderWorkingDays)), () => undefined);
  }, []);
  const { value: preview } = useLoad(() => {
    const n = Number(workingDays);
    if (mode !== 'days' || !Number.isInteger(n) || n < 1 || !/^\d{4}-\d{2}-\d{2}$/.test(issuedOn)) return Promise.resolve(null);
    return api.call('hazards.deadlinePreview', { from: issuedOn, workingDays: n }).then(
      (p) => [p.deadline, ...p.warnings].join(' '),
      () => null,
    );
  }, [mode, workingDays, issuedOn]);

  const submit = async () => {
    const order = await api.call('inspections.issueOrder', {
      recordId: record.id,
      issuedOn,
      content,
      hazardIds,
      ...(mode === 'days' ? { workingDays: Number(workingDays) } : { deadline }),
    });
    onIssued(order);
  };
  const err = form.of;

  return (
    <FormDialog title={t('inspections.order.title')} onClose={onClose} submit={form} onSubmit={submit} size="medium" layout="grid" formLabel={t('inspections.order.title')} submitLabel={t('inspections.order.issue')}>
      <Field label={t('inspections.order.unit')} className="field-wide">
        {(c) => <input {...c} value={record.unitName} readOnly />}
      </Field>
      <Field label={t('inspections.order.content')} required error={err('content')} className="field-wide">
        {(c) => <textarea {...c} rows={4} value={content} onChange={(e) => setContent(e.target.value)} data-autofocus />}
      </Field>
      <Field label={t('inspections.order.hazards')} hint={t('inspections.order.hazardsHint')} error={err('hazardIds')} className="field-wide">
        {() =>
          open.length === 0 ? (
            <span className="muted">{t('inspections.order.noHazards')}</span>
          ) : (
            <div className="insp-pick-column">
              {open.map((h) => (
                <label key={h.id} className="checkbox-inline">
                  <input type="checkbox" checked={hazardIds.includes(h.id)} onChange={(e) => setHazardIds((ids) => (e.target.checked ? [...ids, h.id] : ids.filter((x) => x !== h.id)))} />
                  {t(`inspections.level.${h.level}`)}：{h.description}
                </label>
              ))}
            </div>
          )
        }
      </Field>
      <Field label={t('inspections.order.issuedOn')} required error={err('issuedOn')}>
        {(c) => <input {...c} type="date" value={issuedOn} onChange={(e) => setIssuedOn(e.target.value)} />}
      </Field>
      <Field label={t('inspections.order.deadlineMode')}>
        {(c) => (
          <select {...c} value={mode} onChange={(e) => setMode(e.target.value as 'days' | 'date')}>
            <option value="days">{t('inspections.order.byDays')}</option>
            <option value="date">{t('inspections.order.byDate')}</option>
          </select>
        )}
      </Field>
      {mode === 'days' ? (
        <Field label={t('inspections.order.workingDays')} required error={err('workingDays')} hint={preview ? t('inspections.order.preview', { deadline: preview }) : undefined}>
          {(c) => <input {...c} type="number" min={1} max={365} value={workingDays} onChange={(e) => setWorkingDays(e.target.value)} />}
        </Field>
      ) : (
        <Field label={t('inspections.order.deadlineDate')} required error={err('deadline')}>
          {(c) => <input {...c} type="date" value={deadline} onChange={(e) => setDeadline(e.target.value)} />}
        </Field>
      )}
    </FormDialog>
  );
}
