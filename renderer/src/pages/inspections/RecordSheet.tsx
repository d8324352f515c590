import { useTranslation } from 'react-i18next';
import type { RecordDetail } from '../../../../electron/api/schemas/inspections.ts';
import { InspectorSignatures } from './InspectorSignatures.tsx';
import { teamNames } from './labels.ts';

/** 特种设备安全监督检查记录 (A4 portrait): the unit and the visit, every item with its result, findings, and where the inspectors and the unit sign. */
export function RecordSheet({ record }: { record: RecordDetail }) {
  const { t } = useTranslation();
  return (
    <section className="insp-sheet" aria-labelledby="insp-record-title" data-testid="record-sheet">
      <div className="print-authority">{t('inspections.print.authority', { district: record.districtName })}</div>
      <h1 id="insp-record-title" className="print-title">
        {t('inspections.print.recordTitle')}
        {record.state === 'draft' ? t('inspections.print.draft') : ''}
      </h1>
      <table className="insp-table">
        <tbody>
          <tr>
            <th>{t('inspections.print.unit')}</th>
            <td colSpan={3}>{record.unitName}</td>
          </tr>
          <tr>
            <th>{t('inspections.print.uscc')}</th>
            <td>{record.unitUscc}</td>
            <th>{t('inspections.print.address')}</th>
            <td>{record.unitAddress ?? ''}</td>
          </tr>
          <tr>
            <th>{t('inspections.print.inspectedOn')}</th>
            <td>{record.inspectedOn}</td>
            <th>{t('inspections.print.type')}</th>
            <td>{t(`inspections.type.${record.planType}`)}</td>
          </tr>
          <tr>
            <th>{t('inspections.print.plan')}</th>
            <td>{record.planTitle}</td>
            <th>{t('inspections.print.team')}</th>
            <td>{teamNames(record.team)}</td>
          </tr>
        </tbody>
      </table>
      <table className="insp-table insp-gap" data-testid="print-items">
        <thead>
          <tr>
            <th style={{ width: '9%' }}>{t('inspections.print.no')}</th>
            <th>{t('inspections.print.item')}</th>
            <th style={{ width: '11%' }}>{t('inspections.print.result')}</th>
            <th style={{ width: '24%' }}>{t('inspections.print.note')}</th>
          </tr>
        </thead>
        <tbody>
          {record.items.map((i) => (
            <tr key={i.code}>
              <td>{i.code}</td>
              <td>{i.text}</td>
              <td>{i.result ? t(`inspections.result.${i.result}`) : ''}</td>
              <td>{i.note ?? ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <table className="insp-table insp-gap">
        <tbody>
          <tr>
            <th style={{ width: '18%' }}>{t('inspections.print.findings')}</th>
            <td className="insp-pre">{record.findings ?? ''}</td>
          </tr>
          <tr>
            <th>{t('inspections.print.hazards')}</th>
            <td data-testid="print-hazards">{record.foundHazards.map((h, n) => `${n + 1}. ${t(`inspections.level.${h.level}`)}：${h.description}`).join('\n')}</td>
          </tr>
          <tr>
            <th>{t('inspections.print.orders')}</th>
            <td>{record.orders.map((o) => `${o.number}（${o.deadline}）`).join('；')}</td>
          </tr>
        </tbody>
      </table>
      <div className="insp-sign">
        <InspectorSignatures team={record.team} />
        <div className="insp-sign-box">
          <span>{t('inspections.print.signUnit')}</span>
          {record.unitSigner && <span>{t('inspections.print.signer', { name: record.unitSigner })}</span>}
          <span className="insp-sign-date">{t('inspections.print.date')}</span>
        </div>
      </div>
      <div className="print-footer muted insp-small">
        <span>{t('inspections.print.items', { count: record.items.length, problems: record.problems })}</span>
      </div>
    </section>
  );
}
