import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SummaryDetail, SummaryListItem, SummarySettings } from '../../../../electron/api/schemas/summaries.ts';
import { api, errorMessage } from '../../api/client.ts';
import { toFormErrors } from '../../components/form-errors.ts';
import { useFormErrors } from '../../components/useFormErrors.ts';
import { saveFile } from '../../files/download.ts';
import { hrefFor, navigate } from '../../router/hash-router.ts';
import { FiguresTable } from './FiguresTable.tsx';
import { SettingsDialog } from './SettingsDialog.tsx';
import { SubmitDialog } from './SubmitDialog.tsx';
import { monthLabel } from './SummaryBadges.tsx';
import { draftOf, isDirty, SummaryForm, textFields, type Draft } from './SummaryForm.tsx';
import { formatDateTime } from '../../format/time.ts';
import { SummaryStatusLine } from './SummaryStatusLine.tsx';
import { ReviewList, SummaryText } from './SummaryText.tsx';

type Notice = { tone: 'ok' | 'error'; text: string } | null;
const formFields = [...textFields, 'attachments', 'month'];

/** The office's summary of one month (#/summaries?month=YYYY-MM): figures, texts, attachments, save, submit, export. */
export function OfficeView({ month: requested }: { month: string | null }) {
  const { t } = useTranslation();
  const [months, setMonths] = useState<SummaryListItem[] | null>(null);
  const [summary, setSummary] = useState<SummaryDetail | null>(null);
  const [draft, setDraft] = useState<Draft | null>(null);
  const [failed, setFailed] = useState<string | null>(null);
  const [notice, setNotice] = useState<Notice>(null);
  const errors = useFormErrors(formFields);
  const [busy, setBusy] = useState(false);
  const [submitting, setSubmitting] = useState(false);
  const [settings, setSettings] = useState<SummarySettings | null>(null);
  const month = requested ?? months?.[0]?.month ?? null;

  // Reads and writes overlap (the first read on opening, another after 报送设置, a save):
  // each takes a ticket, and an answer lands only if nothing newer was asked since, so a
  // late read never replaces the texts typed meanwhile or a later save's result.
  const latest = useRef(0);
  const show = useCallback((s: SummaryDetail) => {
    latest.current += 1;
    setSummary(s);
    setDraft(draftOf(s));
  }, []);

  const load = useCallback(async () => {
    const ticket = (latest.current += 1);
    const current = () => latest.current === ticket;
    try {
      const list = await api.call('summaries.list', {});
      if (!current()) return;
      setMonths(list);
      const target = requested ?? list[0]?.month;
      const detail = target ? await api.call('summaries.get', { month: target }) : null;
      if (!current()) return;
      if (detail) show(detail);
      setFailed(null);
    } catch (e) {
      if (current()) setFailed(errorMessage(e));
    }
  }, [requested, show]);

  useEffect(() => {
    void load();
  }, [load]);

  const run = async (work: () => Promise<SummaryDetail>, done: string) => {
    setBusy(true);
    setNotice(null);
    errors.clear();
    try {
      show(await work());
      setNotice({ tone: 'ok', text: done });
      setMonths(await api.call('summaries.list', {}));
      return true;
    } catch (e) {
      // every problem at its text; the ones no field shows at the top
      errors.fail(e);
      const general = toFormErrors(e, formFields).general;
      if (general.length > 0) setNotice({ tone: 'error', text: general.join(' ') });
      return false;
    } finally {
      setBusy(false);
    }
  };

  const save = (s: SummaryDetail, d: Draft) =>
    api.call('summaries.save', { month: s.month, version: s.version, ...d.texts, keepAttachmentIds: d.keep, stagedIds: d.added.map((a) => a.id) });

  const onSave = () => summary && draft && void run(() => save(summary, draft), t('summaries.actions.saved'));

  const onSubmit = async () => {
    if (!summary || !draft) return;
    await run(async () => {
      // unsaved text is saved first, in its own call: a refused submit leaves the draft saved
      const saved = summary.id === null || isDirty(summary, draft) ? await save(summary, draft) : summary;
      show(saved);
      return api.call('summaries.submit', { month: saved.month, version: saved.version! });
    }, t('summaries.submit.done'));
    setSubmitting(false);
  };

  const onRefresh = () => summary?.version != null && void run(() => api.call('summaries.refreshFigures', { month: summary.month, version: summary.version! }), t('summaries.figures.refreshed'));

  const onExport = async () => {
    if (!summary) return;
    try {
      const file = await api.call('summaries.exportDocx', { month: summary.month });
      await saveFile(file);
      setNotice({ tone: 'ok', text: t('summaries.actions.exported', { fileName: file.fileName }) });
    } catch (e) {
      setNotice({ tone: 'error', text: errorMessage(e) });
    }
  };

  const openSettings = async () => {
    try {
      setSettings(await api.call('summaries.settings', {}));
    } catch (e) {
      setNotice({ tone: 'error', text: errorMessage(e) });
    }
  };

  const fail = (text: string) => setNotice({ tone: 'error', text });
  const current = months?.find((m) => m.month === month);

  return (
    <div className="page">
      <div className="page-header">
        <h1 className="page-title">{t('summaries.title')}</h1>
        <label className="sum-month">
          {t('summaries.month')}{' '}
          <select value={month ?? ''} onChange={(e) => navigate('summaries', { month: e.target.value })} aria-label={t('summaries.month')}>
            {(months ?? []).map((m) => (
              <option key={m.month} value={m.month}>
                {t('summaries.monthOption', { month: monthLabel(m.month), status: t(`summaries.status.${m.status}`) })}
              </option>
            ))}
          </select>
        </label>
        <button type="button" className="button" onClick={() => void openSettings()}>
          {t('summaries.actions.settings')}
        </button>
      </div>
      <p className="muted">{t('summaries.intro')}</p>
      {failed && (
        <div className="notice notice-error" role="alert">
          {failed}
        </div>
      )}
      {notice && (
        <div className={`notice ${notice.tone === 'ok' ? 'notice-ok' : 'notice-error'}`} role={notice.tone === 'error' ? 'alert' : 'status'}>
          {notice.text}
        </div>
      )}
      {!summary && !failed && <div className="muted">{t('app.loading')}</div>}
      {summary && draft && (
        <>
          <h2 className="sum-title">{summary.title}</h2>
          <SummaryStatusLine summary={summary} />
          <div className="toolbar sum-actions">
            {summary.editable && (
              <>
                <button type="button" className="button" disabled={busy} onClick={onSave}>
                  {t('summaries.actions.save')}
                </button>
                <button type="button" className="button button-primary" disabled={busy} onClick={() => setSubmitting(true)}>
                  {t('summaries.actions.submit')}
                </button>
              </>
            )}
            <button type="button" className="button" onClick={() => void onExport()}>
              {t('summaries.actions.exportDocx')}
            </button>
            <a className="button" href={hrefFor('summary-print', { month: summary.month })}>
              {t('summaries.actions.print')}
            </a>
          </div>
          <section className="panel" aria-labelledby="sum-figures">
            <h2 id="sum-figures" className="section-title">
              {t('summaries.figures.title')}
            </h2>
            <FiguresTable rows={summary.rows} />
            <p className="muted sum-small">
              {summary.figures && t(summary.figuresFrozen ? 'summaries.figures.frozen' : 'summaries.figures.live', { time: formatDateTime(summary.figures.computedAt) })}{' '}
              {summary.editable && summary.version !== null && (
                <button type="button" className="button" disabled={busy} onClick={onRefresh}>
                  {t('summaries.figures.refresh')}
                </button>
              )}
            </p>
          </section>
          <section className="panel">
            {summary.editable ? <SummaryForm summary={summary} draft={draft} onChange={setDraft} errors={errors.errors} busy={busy} onFailed={fail} /> : <SummaryText summary={summary} onFailed={fail} />}
          </section>
          <ReviewList summary={summary} />
        </>
      )}
      {submitting && summary && draft && (
        <SubmitDialog summary={summary} unsaved={summary.id === null || isDirty(summary, draft)} late={current?.timeliness === 'missing'} busy={busy} onCancel={() => setSubmitting(false)} onConfirm={() => void onSubmit()} />
      )}
      {settings && (
        <SettingsDialog
          settings={settings}
          onClose={() => setSettings(null)}
          onSaved={async () => {
            // the dialog stays until the month is read again: closing first let that read land
            // after the user had started typing, and it replaced the typed texts
            await load();
            setSettings(null);
          }}
        />
      )}
    </div>
  );
}
