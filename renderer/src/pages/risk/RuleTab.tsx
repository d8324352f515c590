import type { TFunction } from 'i18next';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RiskRule, RiskRuleBody } from '../../../../electron/api/schemas/risk.ts';
import { api, errorMessage } from '../../api/client.ts';
import { StatusNotice, type Status } from '../../components/StatusNotice.tsx';
import { useLoad } from '../../components/useLoad.ts';
import { hrefFor, navigate } from '../../router/hash-router.ts';
import { RuleForm } from './RuleForm.tsx';

function savedBy(t: TFunction, rule: RiskRule): string {
  return rule.createdAt ? t('risk.rule.savedBy', { by: rule.createdBy ?? '', at: rule.createdAt.slice(0, 16).replace('T', ' ') }) : t('risk.rule.defaultRule');
}

/** The rule in force (editable: saving makes the next version) and every earlier version, read-only on request. */
export function RuleTab({ version }: { version: number | null }) {
  const { t } = useTranslation();
  const readVersions = useCallback(() => api.call('risk.ruleVersions', {}), []);
  const versions = useLoad(readVersions);
  const [status, setStatus] = useState<Status>(null);
  const [busy, setBusy] = useState(false);
  // the form is re-created after a save so it starts from the saved version
  const [formKey, setFormKey] = useState(0);

  const all = versions.value ?? [];
  const current = all[0] ?? null;
  const shown = version ? (all.find((r) => r.version === version) ?? null) : current;
  const viewingOld = shown !== null && current !== null && shown.version !== current.version;

  const save = async (rule: RiskRuleBody, note: string) => {
    setBusy(true);
    try {
      const saved = await api.call('risk.updateRule', { rule, ...(note.trim() ? { note: note.trim() } : {}) });
      setStatus({ tone: 'ok', text: current && saved.version === current.version ? t('risk.rule.unchanged') : t('risk.rule.saved', { version: saved.version }) });
      await versions.reload();
      setFormKey((k) => k + 1);
      // opened at a version (from a breakdown): the page now follows the new current one; the tab stays mounted, so the notice stays
      if (version) navigate('risk', { tab: 'rule' });
    } catch (e) {
      setStatus({ tone: 'error', text: errorMessage(e) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <div data-testid="risk-rule">
      {versions.error && (
        <div className="notice notice-error" role="alert">
          {versions.error}
        </div>
      )}
      <StatusNotice status={status} />
      {shown && (
        <>
          <div className="risk-toolbar">
            <strong data-testid="risk-rule-title">{viewingOld ? t('risk.rule.viewing', { version: shown.version }) : t('risk.rule.current', { version: shown.version })}</strong>
            <span className="muted">{savedBy(t, shown)}</span>
            {viewingOld && (
              <a className="button" href={hrefFor('risk', { tab: 'rule' })}>
                {t('risk.rule.back')}
              </a>
            )}
          </div>
          <RuleForm key={`${shown.version}-${formKey}`} rule={shown.rule} readOnly={viewingOld} busy={busy} onSave={(rule, note) => void save(rule, note)} />
        </>
      )}
      <h2 className="section-title">{t('risk.rule.versions')}</h2>
      <table className="list-table" data-testid="risk-rule-versions">
        <thead>
          <tr>
            <th>{t('risk.rule.version')}</th>
            <th>{t('risk.rule.savedAt')}</th>
            <th>{t('risk.rule.savedByColumn')}</th>
            <th>{t('risk.rule.note')}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {all.map((r) => (
            <tr key={r.version} aria-current={shown?.version === r.version ? 'true' : undefined}>
              <td>{t('risk.detail.ruleVersion', { version: r.version })}</td>
              <td>{r.createdAt ? r.createdAt.slice(0, 16).replace('T', ' ') : t('risk.rule.defaultRule')}</td>
              <td>{r.createdBy ?? ''}</td>
              <td>{r.note ?? ''}</td>
              <td>
                <a href={hrefFor('risk', { tab: 'rule', version: String(r.version) })}>{t('risk.rule.view')}</a>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
