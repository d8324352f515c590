import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, errorMessage } from '../../api/client.ts';
import { Field } from '../../components/Field.tsx';
import { toFormError, type FormError } from '../../components/form-errors.ts';
import { StatusNotice, type Status } from '../../components/StatusNotice.tsx';
import { todayIso } from '../../format/time.ts';

/** 指令书设置: the number's prefix (张市监特令) and the default deadline in working days. */
export function OrderSettings() {
  const { t } = useTranslation();
  const [prefix, setPrefix] = useState('');
  const [days, setDays] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<FormError | null>(null);
  const [status, setStatus] = useState<Status>(null);
  useEffect(() => {
    api.call('inspections.settings', {}).then(
      (s) => {
        setPrefix(s.orderPrefix);
        setDays(String(s.orderWorkingDays));
      },
      (e: unknown) => setStatus({ tone: 'error', text: errorMessage(e) }),
    );
  }, []);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    setStatus(null);
    try {
      const saved = await api.call('inspections.updateSettings', { orderPrefix: prefix, orderWorkingDays: Number(days) });
      setPrefix(saved.orderPrefix);
      setDays(String(saved.orderWorkingDays));
      setStatus({ tone: 'ok', text: t('inspections.settings.saved') });
    } catch (e) {
      setError(toFormError(e, ['orderPrefix', 'orderWorkingDays']));
    } finally {
      setBusy(false);
    }
  };
  const year = todayIso().slice(0, 4);
  return (
    <section className="panel" aria-labelledby="order-settings-title">
      <h2 id="order-settings-title" className="section-title">
        {t('inspections.settings.title')}
      </h2>
      <form className="form-grid" onSubmit={submit} noValidate aria-label={t('inspections.settings.title')}>
        <Field label={t('inspections.settings.prefix')} required hint={t('inspections.settings.prefixHint', { example: `${prefix || '张市监特令'}〔${year}〕第1号` })} error={error?.field === 'orderPrefix' ? error.message : undefined}>
          {(c) => <input {...c} value={prefix} onChange={(e) => setPrefix(e.target.value)} />}
        </Field>
        <Field label={t('inspections.settings.workingDays')} required error={error?.field === 'orderWorkingDays' ? error.message : undefined}>
          {(c) => <input {...c} type="number" min={1} max={365} value={days} onChange={(e) => setDays(e.target.value)} />}
        </Field>
        {error && !error.field && (
          <div className="notice notice-error field-wide" role="alert">
            {error.message}
          </div>
        )}
        <div className="form-actions field-wide">
          <button type="submit" className="button button-primary" disabled={busy}>
            {busy ? t('common.saving') : t('common.save')}
          </button>
        </div>
      </form>
      <StatusNotice status={status} />
    </section>
  );
}
