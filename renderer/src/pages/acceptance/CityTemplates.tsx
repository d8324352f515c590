import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AcceptanceTemplate } from '../../../../electron/api/schemas/acceptance.ts';
import { api, errorMessage } from '../../api/client.ts';
import { Badge } from '../../components/Badge.tsx';
import { Field } from '../../components/Field.tsx';
import { FormDialog } from '../../components/FormDialog.tsx';
import { useSubmit } from '../../components/useSubmit.ts';

/** Where a template stands: the district's own, another district's published city-wide by the bureau, and its city-wide status. */
export function TemplateScope({ template }: { template: AcceptanceTemplate }) {
  const { t } = useTranslation();
  if (template.scope === 'city') return <Badge tone="info">{t('steering.templates.city', { district: template.districtName })}</Badge>;
  const city = template.city;
  if (!city) return <Badge tone="muted">{t('steering.templates.district')}</Badge>;
  if (city.withdrawnAt) return <Badge tone="muted">{t('steering.templates.cityWithdrawn', { reason: city.withdrawnReason ?? '' })}</Badge>;
  return <Badge tone="ok">{t('steering.templates.cityPublished')}</Badge>;
}

/** The bureau takes a template out of the city library (with its reason) or puts one it took out back. */
export function CityTemplateActions({ template, onChanged, onError }: { template: AcceptanceTemplate; onChanged: () => Promise<void>; onError: (text: string) => void }) {
  const { t } = useTranslation();
  const [asking, setAsking] = useState(false);
  const city = template.city;
  if (!city || template.scope === 'city') return null;
  if (city.withdrawnAt) {
    if (!city.withdrawnByBureau) return null;
    const restore = async () => {
      try {
        await api.call('steering.restoreCityTemplate', { id: city.id });
        await onChanged();
      } catch (e) {
        onError(errorMessage(e));
      }
    };
    return (
      <button type="button" className="button" onClick={() => void restore()}>
        {t('steering.templates.restoreCity')}
      </button>
    );
  }
  return (
    <>
      <button type="button" className="button" onClick={() => setAsking(true)}>
        {t('steering.templates.withdrawCity')}
      </button>
      {asking && <WithdrawDialog title={template.title} cityId={city.id} onClose={() => setAsking(false)} onDone={onChanged} />}
    </>
  );
}

function WithdrawDialog({ title, cityId, onClose, onDone }: { title: string; cityId: string; onClose: () => void; onDone: () => Promise<void> }) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const submit = useSubmit(['reason']);
  const withdraw = async () => {
    await api.call('steering.withdrawCityTemplate', { id: cityId, reason });
    onClose();
    await onDone();
  };
  return (
    <FormDialog title={t('steering.templates.withdrawTitle', { title })} onClose={onClose} submit={submit} onSubmit={withdraw} submitLabel={t('steering.templates.confirmWithdraw')}>
      <Field label={t('steering.templates.reason')} hint={t('steering.templates.reasonHint')} error={submit.of('reason')} required>
        {(c) => <input {...c} name="reason" maxLength={200} value={reason} onChange={(e) => setReason(e.target.value)} />}
      </Field>
    </FormDialog>
  );
}
