import { useTranslation } from 'react-i18next';
import type { Inspector } from '../../../../electron/api/schemas/blocks.ts';
import { Badge } from '../../components/Badge.tsx';

interface InspectorsTableProps {
  inspectors: readonly Inspector[];
  onEdit: (i: Inspector) => void;
  onToggleActive: (i: Inspector) => void;
}

/** The district's inspectors: a short list, so a plain table (a grid would add nothing). */
export function InspectorsTable({ inspectors, onEdit, onToggleActive }: InspectorsTableProps) {
  const { t } = useTranslation();
  return (
    <table className="list-table" data-testid="inspectors-table">
      <thead>
        <tr>
          <th>{t('chain.col.name')}</th>
          <th>{t('chain.col.enforcementNo')}</th>
          <th>{t('chain.col.phone')}</th>
          <th>{t('chain.col.status')}</th>
          <th>{t('chain.col.blocks')}</th>
          <th>{t('chain.col.actions')}</th>
        </tr>
      </thead>
      <tbody>
        {inspectors.map((i) => (
          <tr key={i.id} data-inspector={i.name}>
            <td>{i.name}</td>
            <td className="mono">{i.enforcementNo}</td>
            <td>{i.phone}</td>
            <td>{i.active ? <Badge tone="ok">{t('chain.active')}</Badge> : <Badge tone="muted">{t('chain.inactive')}</Badge>}</td>
            <td>{i.blockNames.join('、')}</td>
            <td>
              {i.editable && (
                <div className="row-actions">
                  <button type="button" className="button" onClick={() => onEdit(i)} aria-label={`${t('chain.edit')} ${i.name}`}>
                    {t('chain.edit')}
                  </button>
                  <button type="button" className="button" onClick={() => onToggleActive(i)} aria-label={`${i.active ? t('chain.deactivate') : t('chain.activate')} ${i.name}`}>
                    {i.active ? t('chain.deactivate') : t('chain.activate')}
                  </button>
                </div>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
