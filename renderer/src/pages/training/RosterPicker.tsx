import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, errorMessage } from '../../api/client.ts';
import type { CallOutput } from '../../../../electron/api/contract.ts';
import { useAppContext } from '../../app/app-context.ts';
import { stageSource } from './upload.ts';

type Pick = 'twoLists' | 'district' | `block:${string}` | `received:${string}`;
type Received = CallOutput<'training.registrySummary'>['districts'];

/** Puts people on a roster: the registry's safety managers (list 2, the district, a block) or an xlsx/csv list. */
export function RosterPicker({ sessionId, onAdded, onError }: { sessionId: string; onAdded: (text: string) => void; onError: (text: string) => void }) {
  const { t } = useTranslation();
  const { node } = useAppContext();
  const [blocks, setBlocks] = useState<{ id: string; name: string }[]>([]);
  // a training centre picks from the safety managers the bureau sent it (the districts it trains)
  const [received, setReceived] = useState<Received>([]);
  const [pick, setPick] = useState<Pick>('twoLists');
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (node.role !== 'training') return;
    api.call('training.registrySummary', {}).then(
      (summary) => setReceived(summary.districts),
      () => setReceived([]),
    );
  }, [node.role]);

  useEffect(() => {
    if (node.role !== 'district') return;
    api.call('blocks.list', { includeDissolved: false }).then(
      (list) => setBlocks(list.blocks.map((b) => ({ id: b.id, name: b.name }))),
      () => setBlocks([]),
    );
  }, [node.role]);

  const report = (r: { added: number; alreadyOnRoster: number; errors: { row: number; message: string }[] }) => {
    const errors = r.errors.map((e) => t('training.roster.rowError', { row: e.row, message: e.message })).join('；');
    onAdded([t('training.roster.added', { added: r.added, already: r.alreadyOnRoster }), errors].filter(Boolean).join(' '));
  };

  const add = async () => {
    setBusy(true);
    try {
      const by =
        pick === 'twoLists'
          ? { twoLists: true }
          : pick === 'district'
            ? { districtId: node.districtId ?? undefined }
            : pick.startsWith('received:')
              ? { districtId: pick.slice('received:'.length) }
              : { blockId: pick.slice('block:'.length) };
      report(await api.call('training.addAttendees', { sessionId, ...by }));
    } catch (error) {
      onError(errorMessage(error));
    } finally {
      setBusy(false);
    }
  };

  const importFile = async (file: File) => {
    setBusy(true);
    try {
      report(await api.call('training.importRoster', { sessionId, source: await stageSource(file) }));
    } catch (error) {
      onError(errorMessage(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="panel" aria-labelledby="roster-add-title">
      <h2 id="roster-add-title" className="section-title">
        {t('training.roster.addTitle')}
      </h2>
      <div className="training-toolbar">
        {node.role === 'district' && (
          <>
            <select aria-label={t('training.roster.fromRegistry')} value={pick} onChange={(e) => setPick(e.target.value as Pick)}>
              <option value="twoLists">{t('training.roster.pickTwoLists')}</option>
              <option value="district">{t('training.roster.pickDistrict')}</option>
              {blocks.map((b) => (
                <option key={b.id} value={`block:${b.id}`}>
                  {t('training.roster.pickBlock', { name: b.name })}
                </option>
              ))}
            </select>
            <button type="button" className="button" disabled={busy} onClick={() => void add()}>
              {t('training.roster.add')}
            </button>
          </>
        )}
        {node.role === 'training' && received.length > 0 && (
          <>
            <select aria-label={t('training.roster.fromReceived')} value={pick} onChange={(e) => setPick(e.target.value as Pick)}>
              <option value="twoLists">{t('training.roster.pickReceivedTwoLists')}</option>
              {received.map((d) => (
                <option key={d.districtId} value={`received:${d.districtId}`}>
                  {t('training.roster.pickReceivedDistrict', { district: d.districtName, count: d.managers })}
                </option>
              ))}
            </select>
            <button type="button" className="button" disabled={busy} onClick={() => void add()}>
              {t('training.roster.add')}
            </button>
          </>
        )}
        <label className="button">
          {t('training.roster.import')}
          <input
            type="file"
            accept=".xlsx,.csv"
            hidden
            disabled={busy}
            aria-label={t('training.roster.import')}
            onChange={(e) => {
              const file = e.target.files?.[0];
              e.target.value = '';
              if (file) void importFile(file);
            }}
          />
        </label>
        <span className="muted">{t('training.roster.importHint')}</span>
      </div>
      {node.role === 'training' && received.length === 0 && <p className="muted">{t('training.roster.noReceived')}</p>}
    </section>
  );
}
