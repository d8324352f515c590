import type { ColDef } from 'ag-grid-community';
import type { TFunction } from 'i18next';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ComplaintSummary } from '../../../../electron/api/schemas/complaints.ts';
import { api } from '../../api/client.ts';
import { useAppContext } from '../../app/app-context.ts';
import { Badge } from '../../components/Badge.tsx';
import { useDebouncedValue } from '../../components/useDebouncedValue.ts';
import { LocalGrid } from '../../grid/LocalGrid.tsx';
import { hrefFor, navigate } from '../../router/hash-router.ts';
import { StatusNotice } from '../../components/StatusNotice.tsx';
import { useLoad } from '../../components/useLoad.ts';
import { ComplaintDialog } from './ComplaintDialog.tsx';
import { channels, reporterLabel, rewardLabel, stateTone } from './labels.ts';
import { SettingsDialog } from './SettingsDialog.tsx';

const states = ['received', 'handling', 'handled'] as const;
const outcomes = ['substantiated', 'partly', 'unfounded'] as const;

const columns = (t: TFunction): ColDef<ComplaintSummary>[] => [
  { field: 'receivedOn', headerName: t('complaints.col.receivedOn'), width: 110, sort: 'desc' },
  { colId: 'channel', headerName: t('complaints.col.channel'), width: 90, valueGetter: (p) => (p.data ? t(`complaints.channel.${p.data.channel}`) : '') },
  { colId: 'reporter', headerName: t('complaints.col.reporter'), width: 90, valueGetter: (p) => (p.data ? reporterLabel(t, p.data) : '') },
  { field: 'unitName', headerName: t('complaints.col.unit'), flex: 1, minWidth: 160 },
  {
    field: 'content',
    headerName: t('complaints.col.content'),
    flex: 2,
    minWidth: 200,
    tooltipField: 'content',
    cellRenderer: (p: { data?: ComplaintSummary }) => (p.data ? <a href={hrefFor('complaints', { id: p.data.id })}>{p.data.content}</a> : null),
  },
  {
    field: 'handlingDeadline',
    headerName: t('complaints.col.deadline'),
    width: 150,
    cellRenderer: (p: { data?: ComplaintSummary }) =>
      p.data ? (
        <span>
          {p.data.handlingDeadline} {p.data.overdue && <Badge tone="danger">{t('complaints.overdue')}</Badge>}
        </span>
      ) : null,
  },
  {
    colId: 'state',
    headerName: t('complaints.col.state'),
    width: 90,
    valueGetter: (p) => (p.data ? t(`complaints.state.${p.data.state}`) : ''),
    cellRenderer: (p: { data?: ComplaintSummary; value?: string }) => (p.data ? <Badge tone={stateTone[p.data.state]}>{p.value ?? ''}</Badge> : null),
  },
  { colId: 'outcome', headerName: t('complaints.col.outcome'), width: 100, valueGetter: (p) => (p.data?.outcome ? t(`complaints.outcome.${p.data.outcome}`) : '') },
  { colId: 'reward', headerName: t('complaints.col.reward'), width: 160, valueGetter: (p) => (p.data ? rewardLabel(t, p.data.reward) : '') },
  { field: 'districtName', headerName: t('complaints.col.district'), width: 90 },
];

/** 投诉举报登记簿: filters and search over the office's (or, at the bureau, every office's) complaints, the reporter masked. */
export function RegisterView() {
  const { t } = useTranslation();
  const { node, districts } = useAppContext();
  const [districtId, setDistrictId] = useState('');
  const [state, setState] = useState('');
  const [channel, setChannel] = useState('');
  const [outcome, setOutcome] = useState('');
  const [overdue, setOverdue] = useState(false);
  const [search, setSearch] = useState('');
  const query = useDebouncedValue(search.trim(), 250);
  const [dialog, setDialog] = useState<'create' | 'settings' | null>(null);
  const [saved, setSaved] = useState<string | null>(null);

  const read = useCallback(
    () =>
      api.call('complaints.list', {
        ...(districtId ? { districtId } : {}),
        ...(state ? { state: state as ComplaintSummary['state'] } : {}),
        ...(channel ? { channel: channel as ComplaintSummary['channel'] } : {}),
        ...(outcome ? { outcome: outcome as NonNullable<ComplaintSummary['outcome']> } : {}),
        ...(overdue ? { overdue: true } : {}),
        ...(query ? { search: query } : {}),
      }),
    [districtId, state, channel, outcome, overdue, query],
  );
  const { value: rows, error } = useLoad(read);
  const isOffice = node.role === 'district';

  const select = (label: string, value: string, onChange: (v: string) => void, options: ReadonlyArray<readonly [string, string]>) => (
    <label className="toolbar-field">
      <span className="toolbar-label">{label}</span>
      <select value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="">{t('complaints.filter.all')}</option>
        {options.map(([v, text]) => (
          <option key={v} value={v}>
            {text}
          </option>
        ))}
      </select>
    </label>
  );

  return (
    <div className="page">
      <div className="page-header">
        <h1 className="page-title">{t('complaints.title')}</h1>
        <span className="toolbar-spacer" />
        {isOffice && (
          <button type="button" className="button button-primary" onClick={() => setDialog('create')}>
            {t('complaints.create')}
          </button>
        )}
        <button type="button" className="button" onClick={() => setDialog('settings')}>
          {t('complaints.settings')}
        </button>
      </div>
      <p className="muted">{t('complaints.intro')}</p>
      <StatusNotice status={error ? { tone: 'error', text: error } : saved ? { tone: 'ok', text: saved } : null} />
      <div className="toolbar complaints-toolbar" role="group" aria-label={t('complaints.filter.label')}>
        {!isOffice && select(t('complaints.col.district'), districtId, setDistrictId, districts.map((d) => [d.id, d.name] as const))}
        {select(t('complaints.filter.state'), state, setState, states.map((s) => [s, t(`complaints.state.${s}`)] as const))}
        {select(t('complaints.filter.channel'), channel, setChannel, channels.map((c) => [c, t(`complaints.channel.${c}`)] as const))}
        {select(t('complaints.filter.outcome'), outcome, setOutcome, outcomes.map((o) => [o, t(`complaints.outcome.${o}`)] as const))}
        <label className="checkbox-inline">
          <input type="checkbox" checked={overdue} onChange={(e) => setOverdue(e.target.checked)} />
          {t('complaints.filter.overdue')}
        </label>
        <label className="toolbar-field">
          <span className="toolbar-label">{t('complaints.filter.search')}</span>
          <input type="search" className="search-input" value={search} placeholder={t('complaints.filter.searchPlaceholder')} onChange={(e) => setSearch(e.target.value)} />
        </label>
        {rows && <span className="toolbar-count">{t('complaints.filter.count', { count: rows.length })}</span>}
      </div>
      {rows && rows.length === 0 && <p className="muted">{t('complaints.empty')}</p>}
      {rows && rows.length > 0 && <LocalGrid rows={rows} columns={columns} rowId={(c) => c.id} testId="complaints-register" className="complaints-grid" />}
      {dialog === 'create' && <ComplaintDialog onClose={() => setDialog(null)} onSaved={(c) => navigate('complaints', { id: c.id })} />}
      {dialog === 'settings' && (
        <SettingsDialog
          readOnly={!isOffice}
          onClose={() => setDialog(null)}
          onSaved={() => {
            setDialog(null);
            setSaved(t('complaints.status.settingsSaved'));
          }}
        />
      )}
    </div>
  );
}
