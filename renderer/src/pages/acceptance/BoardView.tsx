import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AcceptanceBoard, AcceptanceSettings, AcceptanceTemplate } from '../../../../electron/api/schemas/acceptance.ts';
import { api, errorMessage } from '../../api/client.ts';
import { useAppContext } from '../../app/app-context.ts';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { saveFile } from '../../files/download.ts';
import { formatDate } from '../../format/time.ts';
import { hrefFor, navigate } from '../../router/hash-router.ts';
import { CreateDialog } from './CreateDialog.tsx';
import { Meter } from './Meter.tsx';
import { StateBadge } from './StateBadge.tsx';
import { CityTemplateActions, TemplateScope } from './CityTemplates.tsx';

type State = { kind: 'loading' } | { kind: 'failed'; message: string } | { kind: 'ready'; board: AcceptanceBoard; templates: AcceptanceTemplate[] };

/** The progress board by district and phase, every file with its missing evidence, the template library. */
export function BoardView() {
  const { t } = useTranslation();
  const { node } = useAppContext();
  const canCreate = node.role === 'district' && Boolean(node.districtId);
  const [state, setState] = useState<State>({ kind: 'loading' });
  const [creating, setCreating] = useState(false);
  const [withdrawing, setWithdrawing] = useState<AcceptanceTemplate | null>(null);
  const [status, setStatus] = useState<{ tone: 'ok' | 'error'; text: string } | null>(null);

  const load = useCallback(async () => {
    try {
      const [board, templates] = await Promise.all([api.call('acceptance.board', {}), api.call('acceptance.templates', {})]);
      setState({ kind: 'ready', board, templates });
    } catch (error) {
      setState({ kind: 'failed', message: errorMessage(error) });
    }
  }, []);

  useEffect(() => {
    void load();
  }, [load]);

  const withdraw = async (template: AcceptanceTemplate) => {
    setWithdrawing(null);
    try {
      await api.call('acceptance.withdrawTemplate', { id: template.id });
      await load();
    } catch (error) {
      setStatus({ tone: 'error', text: errorMessage(error) });
    }
  };

  const download = async (attachmentId: string) => {
    try {
      await saveFile(await api.call('acceptance.evidenceFile', { attachmentId }));
    } catch (error) {
      setStatus({ tone: 'error', text: errorMessage(error) });
    }
  };

  return (
    <div className="page">
      <div className="page-header">
        <h1 className="page-title">{t('acceptance.title')}</h1>
        {canCreate && (
          <button type="button" className="button button-primary" onClick={() => setCreating(true)}>
            {t('acceptance.create')}
          </button>
        )}
      </div>
      <p className="muted">{t('acceptance.intro')}</p>
      {!canCreate && <div className="notice notice-info">{t('acceptance.readOnly')}</div>}
      {status && (
        <div className={`notice ${status.tone === 'ok' ? 'notice-ok' : 'notice-error'}`} role={status.tone === 'error' ? 'alert' : 'status'}>
          {status.text}
        </div>
      )}
      {state.kind === 'loading' && <div className="muted">{t('app.loading')}</div>}
      {state.kind === 'failed' && (
        <div className="notice notice-error" role="alert">
          {state.message}
        </div>
      )}
      {state.kind === 'ready' && (
        <>
          <section className="panel" aria-labelledby="acc-progress">
            <h2 id="acc-progress" className="section-title">
              {t('acceptance.board.title')}
            </h2>
            {state.board.rows.length === 0 ? (
              <p className="muted">{t('acceptance.empty')}</p>
            ) : (
              <table className="data-table" data-testid="acceptance-progress">
                <thead>
                  <tr>
                    <th>{t('acceptance.board.district')}</th>
                    <th>{t('acceptance.board.phase')}</th>
                    <th>{t('acceptance.board.candidates')}</th>
                    <th>{t('acceptance.board.inReview')}</th>
                    <th>{t('acceptance.board.accepted')}</th>
                    <th>{t('acceptance.board.returned')}</th>
                    <th>{t('acceptance.board.revoked')}</th>
                  </tr>
                </thead>
                <tbody>
                  {state.board.rows.map((r) => (
                    <tr key={`${r.districtId}-${r.phase}`}>
                      <td>{r.districtName}</td>
                      <td>{t(`acceptance.phase.${r.phase}`)}</td>
                      <td className="num">{r.candidates}</td>
                      <td className="num">{r.inReview}</td>
                      <td className="num">{r.accepted}</td>
                      <td className="num">{r.returned}</td>
                      <td className="num">{r.revoked}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </section>
          {state.board.files.length > 0 && (
            <section className="panel" aria-labelledby="acc-files">
              <h2 id="acc-files" className="section-title">
                {t('acceptance.board.files')}
              </h2>
              <table className="data-table" data-testid="acceptance-files">
                <thead>
                  <tr>
                    <th>{t('acceptance.board.unit')}</th>
                    <th>{t('acceptance.board.district')}</th>
                    <th>{t('acceptance.board.phase')}</th>
                    <th>{t('acceptance.board.state')}</th>
                    <th>{t('acceptance.board.completeness')}</th>
                    <th>{t('acceptance.board.missing')}</th>
                    <th>{t('acceptance.board.inspector')}</th>
                    <th>{t('acceptance.board.plaque')}</th>
                  </tr>
                </thead>
                <tbody>
                  {state.board.files.map((f) => (
                    <tr key={f.id}>
                      <td>
                        <a href={hrefFor('acceptance', { id: f.id })}>{f.unitName}</a>
                      </td>
                      <td>{f.districtName}</td>
                      <td>{t(`acceptance.phase.${f.phase}`)}</td>
                      <td>
                        <StateBadge state={f.state} />
                      </td>
                      <td>
                        <Meter value={f.completeness} label={t('acceptance.file.overall')} />
                      </td>
                      <td className="acc-small" title={f.missingEvidence.join('\n')}>
                        {f.missingEvidence.slice(0, 3).join('；')}
                        {f.missingEvidence.length > 3 ? ` …（${f.missingEvidence.length}）` : ''}
                      </td>
                      <td>{f.inspectorName ?? ''}</td>
                      <td>{f.plaqueNo ?? ''}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </section>
          )}
          <section className="panel" aria-labelledby="acc-templates">
            <h2 id="acc-templates" className="section-title">
              {t('acceptance.templates.title')}
            </h2>
            {state.templates.length === 0 ? (
              <p className="muted">{t('acceptance.templates.empty')}</p>
            ) : (
              <table className="data-table" data-testid="acceptance-templates">
                <thead>
                  <tr>
                    <th>{t('acceptance.board.district')}</th>
                    <th>{t('acceptance.templates.item')}</th>
                    <th>{t('acceptance.templates.name')}</th>
                    <th>{t('acceptance.templates.unit')}</th>
                    <th>{t('acceptance.templates.publishedAt')}</th>
                    <th>{t('steering.templates.scope')}</th>
                    <th />
                  </tr>
                </thead>
                <tbody>
                  {state.templates.map((tp) => (
                    <tr key={tp.id} data-template={tp.title}>
                      <td>{tp.districtName}</td>
                      <td>
                        {tp.itemCode} {tp.itemTitle}
                      </td>
                      <td>
                        <button type="button" className="button button-link" onClick={() => void download(tp.attachmentId)}>
                          {tp.title}
                        </button>
                      </td>
                      <td>{tp.unitName}</td>
                      <td>{formatDate(tp.publishedAt)}</td>
                      <td>
                        <TemplateScope template={tp} />
                      </td>
                      <td>
                        {tp.mine && (
                          <button type="button" className="button" onClick={() => setWithdrawing(tp)}>
                            {t('acceptance.templates.withdraw')}
                          </button>
                        )}
                        {node.role === 'bureau' && <CityTemplateActions template={tp} onChanged={load} onError={(text) => setStatus({ tone: 'error', text })} />}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </section>
          {node.role === 'bureau' && <SettingsPanel />}
        </>
      )}
      {creating && (
        <CreateDialog
          onClose={() => setCreating(false)}
          onCreated={(id) => {
            setCreating(false);
            navigate('acceptance', { id });
          }}
        />
      )}
      {withdrawing && (
        <ConfirmDialog
          title={t('acceptance.confirm.withdrawTitle')}
          question={t('acceptance.confirm.withdraw', { name: withdrawing.title })}
          confirmLabel={t('acceptance.templates.withdraw')}
          danger
          onCancel={() => setWithdrawing(null)}
          onConfirm={() => void withdraw(withdrawing)}
        />
      )}
    </div>
  );
}

/** The bureau's plaque number pattern and the evidence size cap. */
function SettingsPanel() {
  const { t } = useTranslation();
  const [settings, setSettings] = useState<AcceptanceSettings | null>(null);
  const [pattern, setPattern] = useState('');
  const [maxMb, setMaxMb] = useState('20');
  const [message, setMessage] = useState<{ tone: 'ok' | 'error'; text: string } | null>(null);

  useEffect(() => {
    api.call('acceptance.settings', {}).then(
      (s) => {
        setSettings(s);
        setPattern(s.plaquePattern);
        setMaxMb(String(s.maxEvidenceMb));
      },
      (error: unknown) => setMessage({ tone: 'error', text: errorMessage(error) }),
    );
  }, []);

  const save = async () => {
    try {
      const s = await api.call('acceptance.updateSettings', { plaquePattern: pattern, maxEvidenceMb: Number(maxMb) });
      setSettings(s);
      setMessage({ tone: 'ok', text: t('acceptance.settings.saved') });
    } catch (error) {
      setMessage({ tone: 'error', text: errorMessage(error) });
    }
  };

  if (!settings) return null;
  return (
    <section className="panel" aria-labelledby="acc-settings">
      <h2 id="acc-settings" className="section-title">
        {t('acceptance.settings.title')}
      </h2>
      <div className="acc-actions">
        <label>
          {t('acceptance.settings.pattern')} <input value={pattern} onChange={(e) => setPattern(e.target.value)} size={30} />
        </label>
        <span className="muted acc-small">{t('acceptance.settings.patternHint')}</span>
        <label>
          {t('acceptance.settings.maxMb')} <input type="number" min={1} max={80} value={maxMb} onChange={(e) => setMaxMb(e.target.value)} style={{ width: 60 }} />
        </label>
        <button type="button" className="button" onClick={() => void save()}>
          {t('acceptance.settings.save')}
        </button>
      </div>
      {message && (
        <div className={`notice ${message.tone === 'ok' ? 'notice-ok' : 'notice-error'}`} role={message.tone === 'error' ? 'alert' : 'status'}>
          {message.text}
        </div>
      )}
    </section>
  );
}
