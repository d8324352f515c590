import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { HazardAction, HazardDetail, HazardSettings } from '../../../../electron/api/schemas/hazards.ts';
import { api, errorMessage } from '../../api/client.ts';
import { useAppContext } from '../../app/app-context.ts';
import { Badge } from '../../components/Badge.tsx';
import { StatusNotice, type Status } from '../../components/StatusNotice.tsx';
import { saveFile } from '../../files/download.ts';
import { formatDate, formatDateTime } from '../../format/time.ts';
import { hrefFor } from '../../router/hash-router.ts';
import { HazardDialog } from './HazardDialog.tsx';
import { HazardLevelBadge, HazardStateBadge } from './HazardStateBadge.tsx';
import { TransitionDialog } from './TransitionDialog.tsx';

type Loaded = { kind: 'loading' } | { kind: 'failed'; message: string } | { kind: 'ready'; hazard: HazardDetail };


/** One hazard: the facts, the deadline, who is alerted, every step with its evidence, and the steps possible now. */
export function HazardDetailView({ id }: { id: string }) {
  const { t } = useTranslation();
  const { node } = useAppContext();
  const [loaded, setLoaded] = useState<Loaded>({ kind: 'loading' });
  const [settings, setSettings] = useState<HazardSettings | null>(null);
  const [acting, setActing] = useState<HazardAction | null>(null);
  const [editing, setEditing] = useState(false);
  const [status, setStatus] = useState<Status>(null);

  const load = useCallback(async () => {
    try {
      setLoaded({ kind: 'ready', hazard: await api.call('hazards.get', { id }) });
    } catch (error) {
      setLoaded({ kind: 'failed', message: errorMessage(error) });
    }
  }, [id]);

  useEffect(() => {
    void load();
    api.call('hazards.settings', {}).then(setSettings, () => setSettings(null));
  }, [load]);

  const download = async (attachmentId: string) => {
    try {
      await saveFile(await api.call('hazards.evidenceFile', { attachmentId }));
    } catch (error) {
      setStatus({ tone: 'error', text: errorMessage(error) });
    }
  };

  const back = <a href={hrefFor('hazards')}>{t('hazards.back')}</a>;
  if (loaded.kind !== 'ready') {
    return (
      <div className="page">
        {back}
        {loaded.kind === 'loading' ? (
          <div className="muted">{t('app.loading')}</div>
        ) : (
          <div className="notice notice-error" role="alert">
            {loaded.message}
          </div>
        )}
      </div>
    );
  }
  const h = loaded.hazard;
  const mine = h.originNode === node.id;
  const defaultDays = h.level === 'major' ? (settings?.majorWorkingDays ?? 30) : (settings?.generalWorkingDays ?? 10);
  return (
    <div className="page" data-testid="hazard-detail">
      <div className="page-header">
        {back}
        <h1 className="page-title">
          {h.number && <span className="hz-number">{t('hazards.detail.number', { number: h.number })}</span>}
          {h.unitName}：{h.description}
        </h1>
        <div className="hz-actions">
          <HazardLevelBadge level={h.level} /> <HazardStateBadge state={h.state} />
          {h.escalated && <Badge tone="danger">{t('hazards.escalatedBadge')}</Badge>}
        </div>
      </div>
      <StatusNotice status={status} />
      <section className="panel" aria-labelledby="hz-facts">
        <h2 id="hz-facts" className="section-title">
          {t('hazards.detail.facts')}
        </h2>
        <dl className="facts">
          <dt>{t('hazards.form.foundBy')}</dt>
          <dd>
            {h.foundBy}，{formatDate(h.foundOn)}
          </dd>
          <dt>{t('hazards.column.deadline')}</dt>
          <dd data-testid="hz-deadline">
            {h.deadline ? `${formatDate(h.deadline)}${h.workingDays ? `（${t('hazards.detail.workingDays', { days: h.workingDays })}）` : ''}` : t('hazards.detail.deadlineNone')}{' '}
            {h.overdue && <Badge tone="danger">{t('hazards.overdueDays', { days: h.daysOverdue })}</Badge>}
          </dd>
          <dt>{t('hazards.form.measures')}</dt>
          <dd>{h.measures ?? t('hazards.detail.measuresNone')}</dd>
          <dt>{t('hazards.column.failCount')}</dt>
          <dd data-testid="hz-fail-count">{h.failCount}</dd>
          <dt>{t('hazards.column.block')}</dt>
          <dd>{h.blockName ?? t('hazards.filter.noBlock')}</dd>
          {h.sourceInspectionId && (
            <>
              <dt>{t('hazards.detail.source')}</dt>
              <dd>
                <a href={hrefFor('inspections', { record: h.sourceInspectionId })}>{t('hazards.detail.openSource')}</a>
              </dd>
            </>
          )}
          {h.reporterManagerName && (
            <>
              <dt>{t('hazards.detail.source')}</dt>
              <dd data-testid="hz-source">
                {h.sourceCheckKind
                  ? t(`routine.hazardSource.${h.sourceCheckKind}`, { name: h.reporterManagerName })
                  : h.sourceFeedbackId
                    ? t('routine.hazardSource.feedback', { name: h.reporterManagerName })
                    : t('routine.hazardSource.manager', { name: h.reporterManagerName })}{' '}
                {h.sourceCheckId && <a href={hrefFor('blocks', { check: h.sourceCheckId })}>{t('routine.hazardSource.openCheck')}</a>}
              </dd>
            </>
          )}
        </dl>
        {h.warnings.length > 0 && (
          <div className="notice notice-warn" role="status" aria-label={t('hazards.detail.warnings')}>
            {h.warnings.join(' ')}
          </div>
        )}
        {mine && h.actions.length > 0 && h.state !== 'closed' && (
          <div>
            <button type="button" className="button" onClick={() => setEditing(true)}>
              {t('hazards.edit')}
            </button>
          </div>
        )}
      </section>
      {h.escalated && (
        <section className="panel hz-alert" aria-labelledby="hz-alert" data-testid="hazard-alert">
          <h2 id="hz-alert" className="section-title">
            {t('hazards.detail.alertTitle')}
            {h.escalationReason && `（${t(`hazards.detail.alertReason.${h.escalationReason}`)}）`}
          </h2>
          {h.alert ? (
            <dl className="facts">
              <dt>{t('hazards.detail.leadUnit')}</dt>
              <dd>{h.alert.leadUnit?.name ?? '—'}</dd>
              <dt>{t('hazards.detail.inspectors')}</dt>
              <dd>{h.alert.inspectors.length ? h.alert.inspectors.map((i) => (i.phone ? `${i.name}（${i.phone}）` : i.name)).join('、') : t('hazards.detail.noInspectors')}</dd>
            </dl>
          ) : (
            <p className="muted">{t('hazards.detail.noBlock')}</p>
          )}
        </section>
      )}
      {mine && (
        <section className="panel" aria-labelledby="hz-do">
          <h2 id="hz-do" className="section-title">
            {t('hazards.detail.actions')}
          </h2>
          {h.actions.length === 0 ? (
            <p className="muted">{t('hazards.detail.noActions')}</p>
          ) : (
            <div className="hz-actions">
              {h.actions.map((a) => (
                <button key={a} type="button" className={a === 'fail' ? 'button' : 'button button-primary'} onClick={() => setActing(a)}>
                  {t(`hazards.action.${a}`)}
                </button>
              ))}
            </div>
          )}
        </section>
      )}
      <section className="panel" aria-labelledby="hz-history">
        <h2 id="hz-history" className="section-title">
          {t('hazards.detail.history')}
        </h2>
        <ol className="hz-history" data-testid="hazard-history">
          {h.events.map((e) => (
            <li key={e.id}>
              <div>
                <strong>{t(`hazards.action.${e.action as HazardAction | 'create' | 'escalate'}`, { defaultValue: e.action })}</strong>
                {e.fromState !== e.toState && <> → {t(`hazards.state.${e.toState}`)}</>}
                <span className="muted"> {t('hazards.detail.by', { by: e.by, at: formatDateTime(e.at) })}</span>
              </div>
              {e.comment && <div>{e.comment}</div>}
              {e.evidence.length > 0 && (
                <div className="hz-evidence">
                  {t('hazards.detail.evidence')}：
                  {e.evidence.map((f) => (
                    <button key={f.attachmentId} type="button" className="button button-link" onClick={() => void download(f.attachmentId)}>
                      {f.fileName}
                    </button>
                  ))}
                </div>
              )}
            </li>
          ))}
        </ol>
      </section>
      {acting && (
        <TransitionDialog
          hazard={h}
          action={acting}
          defaultDays={defaultDays}
          onClose={() => setActing(null)}
          onDone={(detail) => {
            setActing(null);
            setLoaded({ kind: 'ready', hazard: detail });
            setStatus({ tone: 'ok', text: t('hazards.done', { action: t(`hazards.action.${acting}`) }) });
          }}
        />
      )}
      {editing && (
        <HazardDialog
          hazard={h}
          onClose={() => setEditing(false)}
          onSaved={(detail) => {
            setEditing(false);
            setLoaded({ kind: 'ready', hazard: detail });
            setStatus({ tone: 'ok', text: t('hazards.saved') });
          }}
        />
      )}
    </div>
  );
}
