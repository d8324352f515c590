import type { ColDef } from 'ag-grid-community';
import type { TFunction } from 'i18next';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PoolEntry } from '../../../../electron/api/schemas/certificates.ts';
import type { SupervisorWork } from '../../../../electron/api/schemas/chain-work.ts';
import { api, errorMessage } from '../../api/client.ts';
import { useAppContext } from '../../app/app-context.ts';
import { Field } from '../../components/Field.tsx';
import { FormDialog } from '../../components/FormDialog.tsx';
import { useSubmit } from '../../components/useSubmit.ts';
import { useDebouncedValue } from '../../components/useDebouncedValue.ts';
import { formatDate } from '../../format/time.ts';
import { LocalGrid } from '../../grid/LocalGrid.tsx';
import { StatusNotice, type Status } from '../../components/StatusNotice.tsx';

type Status4 = PoolEntry['status'];

/** 活跃（最近 2026-03-02）/ 不活跃 / 无记录: the holder's work as a supervisor (链), where the holder is a known safety manager. */
function workText(t: TFunction, work: ReadonlyMap<string, SupervisorWork>, entry: PoolEntry | undefined): string {
  const w = entry?.managerId ? work.get(entry.managerId) : undefined;
  if (!w) return '';
  const state = t(w.active ? 'chainWork.supervisors.active' : 'chainWork.supervisors.inactive');
  return `${state}（${w.lastActiveOn ?? t('chainWork.supervisors.never')}）`;
}

const columns =
  (onRevoke: ((e: PoolEntry) => void) | null, work: ReadonlyMap<string, SupervisorWork>) =>
  (t: TFunction): ColDef<PoolEntry>[] => [
    { field: 'certificateNo', headerName: t('training.pool.certificateNo'), width: 190 },
    { field: 'holderName', headerName: t('training.pool.holder'), width: 100 },
    { field: 'unitName', headerName: t('training.pool.unit'), flex: 2 },
    { field: 'districtName', headerName: t('training.pool.district'), width: 90 },
    { headerName: t('training.pool.blocks'), valueGetter: (p) => p.data?.blocks.map((b) => b.name).join('、') ?? '', flex: 1 },
    { field: 'issueDate', headerName: t('training.pool.issueDate'), width: 110, valueFormatter: (p) => formatDate(p.value as string) },
    { field: 'validUntil', headerName: t('training.pool.validUntil'), width: 110, valueFormatter: (p) => formatDate(p.value as string) },
    {
      field: 'status',
      headerName: t('training.pool.status'),
      width: 100,
      valueFormatter: (p) => t(`training.pool.statusName.${p.value as Status4}`),
      tooltipValueGetter: (p) => p.data?.revokedReason ?? null,
    },
    { colId: 'work', headerName: t('chainWork.supervisors.poolColumn'), width: 150, valueGetter: (p) => workText(t, work, p.data) },
    {
      headerName: '',
      width: 90,
      sortable: false,
      hide: onRevoke === null,
      cellRenderer: (p: { data?: PoolEntry }) =>
        p.data && onRevoke && p.data.source === 'certificate' && p.data.status !== 'revoked' ? (
          <button type="button" className="button" onClick={() => onRevoke(p.data!)} aria-label={`${t('training.pool.revoke')} ${p.data.certificateNo}`}>
            {t('training.pool.revoke')}
          </button>
        ) : null,
    },
  ];

/** 监督员库: everyone certified, their unit, district, blocks and validity; expiring filter; revocation with a reason. */
export function PoolTab() {
  const { t } = useTranslation();
  const { node } = useAppContext();
  const [entries, setEntries] = useState<PoolEntry[]>([]);
  const [expiring, setExpiring] = useState(false);
  const [state, setState] = useState<'' | Status4>('');
  const [search, setSearch] = useState('');
  const query = useDebouncedValue(search, 250);
  const [status, setStatus] = useState<Status>(null);
  const [revoking, setRevoking] = useState<PoolEntry | null>(null);
  const [work, setWork] = useState<ReadonlyMap<string, SupervisorWork>>(new Map());

  const load = useCallback(async () => {
    try {
      setEntries(await api.call('training.pool', { expiringWithin: expiring, ...(state ? { status: state } : {}), ...(query.trim() ? { search: query.trim() } : {}) }));
    } catch (error) {
      setStatus({ tone: 'error', text: errorMessage(error) });
    }
  }, [expiring, state, query]);
  useEffect(() => {
    void load();
  }, [load]);
  useEffect(() => {
    // the work column is a help, not the pool: without it the pool still shows
    api.call('chain.supervisorWork', {}).then(
      (output) => setWork(new Map(output.supervisors.map((s) => [s.managerId, s]))),
      () => setWork(new Map()),
    );
  }, []);

  const publish = async () => {
    try {
      const r = await api.call('training.publishPool', {});
      setStatus({ tone: 'ok', text: t('training.pool.publishedPool', r) });
      await load();
    } catch (error) {
      setStatus({ tone: 'error', text: errorMessage(error) });
    }
  };
  const gridColumns = useMemo(() => columns(node.role === 'bureau' ? null : setRevoking, work), [node.role, work]);

  return (
    <section aria-label={t('training.tab.pool')}>
      <div className="training-toolbar">
        <input type="search" aria-label={t('training.pool.search')} placeholder={t('training.pool.search')} value={search} onChange={(e) => setSearch(e.target.value)} />
        <select aria-label={t('training.pool.status')} value={state} onChange={(e) => setState(e.target.value as '' | Status4)}>
          <option value="">{t('training.pool.allStatuses')}</option>
          {(['valid', 'expiring', 'expired', 'revoked'] as const).map((s) => (
            <option key={s} value={s}>
              {t(`training.pool.statusName.${s}`)}
            </option>
          ))}
        </select>
        <label className="checkbox-inline">
          <input type="checkbox" checked={expiring} onChange={(e) => setExpiring(e.target.checked)} />
          {t('training.pool.expiringOnly')}
        </label>
        {node.role === 'bureau' && (
          <button type="button" className="button" onClick={() => void publish()}>
            {t('training.pool.publish')}
          </button>
        )}
      </div>
      <StatusNotice status={status} />
      <p className="muted" data-testid="pool-count">
        {t('training.pool.count', { count: entries.length })}
      </p>
      <LocalGrid rows={entries} columns={gridColumns} rowId={(e) => `${e.source}-${e.certificateId}`} testId="supervisor-pool" className="grid-medium" />
      {revoking && (
        <RevokeDialog
          entry={revoking}
          onClose={() => setRevoking(null)}
          onDone={(text) => {
            setRevoking(null);
            void load().then(() => setStatus({ tone: 'ok', text }));
          }}
        />
      )}
    </section>
  );
}

function RevokeDialog({ entry, onClose, onDone }: { entry: PoolEntry; onClose: () => void; onDone: (text: string) => void }) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const submit = useSubmit(['reason']);
  const revoke = async () => {
    const c = await api.call('training.revokeCertificate', { id: entry.certificateId, reason });
    onDone(t('training.pool.revoked', { no: c.certificateNo }));
  };
  const label = t('training.pool.revoke');
  return (
    <FormDialog title={t('training.pool.revokeTitle', { no: entry.certificateNo, name: entry.holderName })} onClose={onClose} submit={submit} onSubmit={revoke} submitLabel={label} busyLabel={label} danger>
      <p className="muted">{t('training.pool.revokeHint')}</p>
      <Field label={t('training.pool.revokeReason')} required error={submit.of('reason')}>
        {(c) => <textarea {...c} rows={2} value={reason} onChange={(e) => setReason(e.target.value)} data-autofocus />}
      </Field>
    </FormDialog>
  );
}
