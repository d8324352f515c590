import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ComplaintChannel, ComplaintDetail } from '../../../../electron/api/schemas/complaints.ts';
import { api } from '../../api/client.ts';
import { Field } from '../../components/Field.tsx';
import { FormDialog } from '../../components/FormDialog.tsx';
import { useMaxLengths } from '../../components/field-limits.ts';
import { useSubmit } from '../../components/useSubmit.ts';
import { todayIso } from '../../format/time.ts';
import { channels } from './labels.ts';
import { UnitPicker, type UnitChoice } from './UnitPicker.tsx';

const fields = ['receivedOn', 'channel', 'reporterName', 'reporterPhone', 'reporterIdNumber', 'reporterAddress', 'content', 'unitId', 'unitName', 'equipmentId', 'handlingDeadline'];
// the contract's paths of the reporter's fields, and the names the register's own checks use
const alias: Record<string, string> = { 'reporter.name': 'reporterName', 'reporter.phone': 'reporterPhone', 'reporter.idNumber': 'reporterIdNumber', 'reporter.address': 'reporterAddress' };

/** Registers a complaint, or edits one: the reporter (or anonymous), the complaint, the unit and the deadline. */
export function ComplaintDialog({ complaint, onClose, onSaved }: { complaint?: ComplaintDetail; onClose: () => void; onSaved: (c: ComplaintDetail) => void }) {
  const { t } = useTranslation();
  const r = complaint?.reporter;
  const [receivedOn, setReceivedOn] = useState(complaint?.receivedOn ?? todayIso());
  const [channel, setChannel] = useState<ComplaintChannel>(complaint?.channel ?? 'phone');
  const [anonymous, setAnonymous] = useState(complaint?.anonymous ?? false);
  const [name, setName] = useState(r?.name ?? '');
  const [phone, setPhone] = useState(r?.phone ?? '');
  const [idNumber, setIdNumber] = useState(r?.idNumber ?? '');
  const [address, setAddress] = useState(r?.address ?? '');
  const [bureauStaff, setBureauStaff] = useState(r?.bureauStaff ?? false);
  const [content, setContent] = useState(complaint?.content ?? '');
  const [unit, setUnit] = useState<UnitChoice>({ unitId: complaint?.unitId ?? null, unitName: complaint && !complaint.unitId ? (complaint.unitName ?? '') : '', equipmentId: complaint?.equipmentId ?? null });
  const [deadline, setDeadline] = useState(complaint?.handlingDeadline ?? '');
  const [days, setDays] = useState<number | null>(null);
  const errors = useSubmit(fields, alias);
  const max = useMaxLengths(complaint ? 'complaints.update' : 'complaints.create');

  useEffect(() => {
    api.call('complaints.settings', {}).then((s) => setDays(s.handlingWorkingDays), () => setDays(null));
  }, []);

  const save = async () => {
    const facts = {
      receivedOn,
      channel,
      anonymous,
      reporter: { name: anonymous ? null : name, phone, idNumber, address },
      bureauStaff,
      content,
      unitId: unit.unitId,
      unitName: unit.unitId ? null : unit.unitName,
      equipmentId: unit.equipmentId,
    };
    const saved = complaint
      ? await api.call('complaints.update', { id: complaint.id, version: complaint.version, ...facts, ...(deadline ? { handlingDeadline: deadline } : {}) })
      : await api.call('complaints.create', { ...facts, handlingDeadline: deadline || null });
    onSaved(saved);
  };
  const err = errors.of;

  return (
    <FormDialog
      title={complaint ? t('complaints.form.editTitle') : t('complaints.form.createTitle')}
      onClose={onClose}
      submit={errors}
      onSubmit={save}
      size="large"
      layout="grid"
      submitLabel={complaint ? t('common.save') : t('complaints.form.save')}
    >
      <Field label={t('complaints.form.receivedOn')} required error={err('receivedOn')}>
        {(c) => <input {...c} type="date" value={receivedOn} onChange={(e) => setReceivedOn(e.target.value)} data-autofocus />}
      </Field>
      <Field label={t('complaints.form.channel')} required error={err('channel')}>
        {(c) => (
          <select {...c} value={channel} onChange={(e) => setChannel(e.target.value as ComplaintChannel)}>
            {channels.map((ch) => (
              <option key={ch} value={ch}>
                {t(`complaints.channel.${ch}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <p className="notice notice-info field-wide">{t('complaints.form.privacy')}</p>
      <label className="checkbox-inline field-wide">
        <input type="checkbox" checked={anonymous} onChange={(e) => setAnonymous(e.target.checked)} />
        {t('complaints.form.anonymous')}
        <span className="muted">{t('complaints.form.anonymousHint')}</span>
      </label>
      {!anonymous && (
        <Field label={t('complaints.form.reporterName')} required error={err('reporterName')} maxLength={max('reporter.name')} length={name.length}>
          {(c) => <input {...c} value={name} autoComplete="off" onChange={(e) => setName(e.target.value)} />}
        </Field>
      )}
      <Field label={t('complaints.form.reporterPhone')} error={err('reporterPhone')}>
        {(c) => <input {...c} value={phone} inputMode="tel" autoComplete="off" onChange={(e) => setPhone(e.target.value)} />}
      </Field>
      <Field label={t('complaints.form.reporterIdNumber')} error={err('reporterIdNumber')}>
        {(c) => <input {...c} value={idNumber} autoComplete="off" onChange={(e) => setIdNumber(e.target.value)} />}
      </Field>
      <Field label={t('complaints.form.reporterAddress')} error={err('reporterAddress')} maxLength={max('reporter.address')} length={address.length}>
        {(c) => <input {...c} value={address} autoComplete="off" onChange={(e) => setAddress(e.target.value)} />}
      </Field>
      <label className="checkbox-inline field-wide">
        <input type="checkbox" checked={bureauStaff} onChange={(e) => setBureauStaff(e.target.checked)} />
        {t('complaints.form.bureauStaff')}
        <span className="muted">{t('complaints.form.bureauStaffHint')}</span>
      </label>
      <Field label={t('complaints.form.content')} required error={err('content')} className="field-wide" maxLength={max('content')} length={content.length}>
        {(c) => <textarea {...c} rows={4} value={content} onChange={(e) => setContent(e.target.value)} />}
      </Field>
      <UnitPicker value={unit} initialLabel={complaint?.unitId ? complaint.unitName : null} onChange={setUnit} errors={{ unitId: err('unitId'), unitName: err('unitName'), equipmentId: err('equipmentId') }} unitNameMax={max('unitName')} />
      <Field label={t('complaints.form.deadline')} error={err('handlingDeadline')} hint={days ? t('complaints.form.deadlineHint', { days }) : undefined}>
        {(c) => <input {...c} type="date" value={deadline} onChange={(e) => setDeadline(e.target.value)} />}
      </Field>
    </FormDialog>
  );
}
