import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StagedFile } from '../../../../electron/api/schemas/files.ts';
import type { HazardDetail, HazardLevel } from '../../../../electron/api/schemas/hazards.ts';
import { api } from '../../api/client.ts';
import { useAppContext } from '../../app/app-context.ts';
import { useOperator } from '../../app/operator-context.ts';
import { Field } from '../../components/Field.tsx';
import { useMaxLengths } from '../../components/field-limits.ts';
import { FormDialog } from '../../components/FormDialog.tsx';
import { useSubmit } from '../../components/useSubmit.ts';
import { UnitPicker } from '../../components/UnitPicker.tsx';
import { useLoad } from '../../components/useLoad.ts';
import { todayIso } from '../../format/time.ts';
import { StagedFiles } from '../../components/StagedFiles.tsx';

const fields = ['unitId', 'equipmentId', 'description', 'level', 'foundBy', 'foundOn', 'measures', 'evidence'];

/** 登记隐患 (or correct one still open): the unit, the equipment if any, what, how serious, who found it when, the measures. */
export function HazardDialog({ hazard, onClose, onSaved }: { hazard?: HazardDetail; onClose: () => void; onSaved: (detail: HazardDetail) => void }) {
  const { t } = useTranslation();
  const { node } = useAppContext();
  const operator = useOperator();
  const [unitId, setUnitId] = useState(hazard?.unitId ?? '');
  const [equipmentId, setEquipmentId] = useState(hazard?.equipmentId ?? '');
  const [description, setDescription] = useState(hazard?.description ?? '');
  const [level, setLevel] = useState<HazardLevel>(hazard?.level ?? 'general');
  // a new hazard is usually found by the person entering it: the 经办人, changeable
  const [foundBy, setFoundBy] = useState(hazard?.foundBy ?? operator ?? '');
  const [foundOn, setFoundOn] = useState(hazard?.foundOn ?? todayIso());
  const [measures, setMeasures] = useState(hazard?.measures ?? '');
  const [evidence, setEvidence] = useState<StagedFile[]>([]);
  const errors = useSubmit(fields);
  const max = useMaxLengths(hazard ? 'hazards.update' : 'hazards.create');

  // the chosen unit's equipment to pick from; none before a unit is chosen or when it cannot be read
  const equipment = useLoad(() => (unitId ? api.call('equipment.query', { unitId, startRow: 0, endRow: 1000 }).then((page) => page.rows, () => []) : Promise.resolve([])), [unitId]).value ?? [];

  const submit = async () => {
    try {
      const facts = { equipmentId: equipmentId || null, description, level, foundBy, foundOn, measures };
      const saved = hazard
        ? await api.call('hazards.update', { id: hazard.id, version: hazard.version, ...facts })
        : await api.call('hazards.create', { unitId, ...facts, evidence: evidence.map((f) => f.id) });
      onSaved(saved);
    } catch (e) {
      // every problem at once; a missing unit in the page's own words
      if (!hazard && !unitId) errors.setField('unitId', t('hazards.form.unitChoose'));
      throw e;
    }
  };

  const fieldError = errors.of;
  return (
    <FormDialog title={hazard ? t('hazards.edit') : t('hazards.create')} onClose={onClose} submit={errors} onSubmit={submit} size="medium" submitLabel={hazard ? t('common.save') : t('hazards.form.save')}>
      {hazard ? (
        <div>
          {t('hazards.form.unit')}：<strong>{hazard.unitName}</strong>
        </div>
      ) : (
        <Field label={t('hazards.form.unit')} required error={fieldError('unitId')}>
          {(control) => (
            <UnitPicker
              control={control}
              value={unitId}
              districtId={node.districtId ?? undefined}
              onChange={(id) => {
                setUnitId(id);
                setEquipmentId('');
              }}
              labels={{ search: t('hazards.form.unitSearch'), none: t('hazards.form.unitNone'), choose: t('hazards.form.unitChoose') }}
            />
          )}
        </Field>
      )}
      <Field label={t('hazards.form.equipment')} error={fieldError('equipmentId')}>
        {(control) => (
          <select {...control} name="equipmentId" value={equipmentId} onChange={(e) => setEquipmentId(e.target.value)}>
            <option value="">{t('hazards.form.equipmentNone')}</option>
            {equipment.map((e) => (
              <option key={e.id} value={e.id}>
                {[e.registrationCode ?? e.equipmentCode ?? e.internalNo ?? '', e.varietyName ?? e.categoryName ?? e.kindName ?? '', e.location ?? ''].filter(Boolean).join(' · ')}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label={t('hazards.form.description')} required error={fieldError('description')} maxLength={max('description')} length={description.length}>
        {(control) => <textarea {...control} name="description" value={description} rows={3} onChange={(e) => setDescription(e.target.value)} />}
      </Field>
      <div className="hz-row">
        <Field label={t('hazards.form.level')} required error={fieldError('level')}>
          {(control) => (
            <select {...control} name="level" value={level} onChange={(e) => setLevel(e.target.value as HazardLevel)}>
              <option value="general">{t('hazards.level.general')}</option>
              <option value="major">{t('hazards.level.major')}</option>
            </select>
          )}
        </Field>
        <Field label={t('hazards.form.foundBy')} required error={fieldError('foundBy')} maxLength={max('foundBy')} length={foundBy.length}>
          {(control) => <input {...control} name="foundBy" value={foundBy} onChange={(e) => setFoundBy(e.target.value)} />}
        </Field>
        <Field label={t('hazards.form.foundOn')} required error={fieldError('foundOn')}>
          {(control) => <input {...control} name="foundOn" type="date" value={foundOn} max={todayIso()} onChange={(e) => setFoundOn(e.target.value)} />}
        </Field>
      </div>
      <Field label={t('hazards.form.measures')} error={fieldError('measures')} maxLength={max('measures')} length={measures.length}>
        {(control) => <textarea {...control} name="measures" value={measures} rows={2} onChange={(e) => setMeasures(e.target.value)} />}
      </Field>
      {!hazard && (
        <Field label={t('hazards.form.evidenceBefore')} error={fieldError('evidence')}>
          {(control) => <StagedFiles control={control} files={evidence} onChange={setEvidence} onError={(message) => errors.setField('evidence', message)} />}
        </Field>
      )}
    </FormDialog>
  );
}
