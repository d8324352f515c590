import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SafetyManager } from '../../../../electron/api/schemas/registry.ts';
import { api } from '../../api/client.ts';
import { useLoad } from '../../components/useLoad.ts';
import { useRouteParams } from '../../router/hash-router.ts';
import { RegistryGridPage, type RegistryGridConfig } from '../registry/RegistryGridPage.tsx';
import { managerColumns } from './manager-columns.tsx';
import { filterFromParams, hasNarrowing, managerQueryFilter, type ManagerFilterState } from './manager-filter.ts';
import { ManagersToolbar } from './ManagersToolbar.tsx';
import { ManagerDialog } from './ManagerDialog.tsx';

/** Certificates that need attention among the rows the other filters select. */
function ManagersAttention({ filter, onChange }: { filter: ManagerFilterState; onChange: (part: Partial<ManagerFilterState>) => void }) {
  const { t } = useTranslation();
  const attentionKey = JSON.stringify(managerQueryFilter({ ...filter, certificate: '' }));
  const { value: attention } = useLoad(() => {
    const base = JSON.parse(attentionKey) as ReturnType<typeof managerQueryFilter>;
    const count = (certificate: 'expired' | 'expiring') => api.call('managers.query', { ...base, certificate, startRow: 0, endRow: 1 }).then((p) => p.total);
    return Promise.all([count('expired'), count('expiring')]).then(
      ([expired, expiring]) => ({ expired, expiring }),
      () => null,
    );
  }, [attentionKey]);
  if (!attention || (attention.expired === 0 && attention.expiring === 0)) return null;
  return (
    <div className="attention" data-testid="managers-attention">
      <span className="attention-label">{t('common.attention')}</span>
      <button type="button" className="attention-item attention-danger" onClick={() => onChange({ certificate: 'expired' })} disabled={attention.expired === 0}>
        {t('managers.attentionExpired', { count: attention.expired })}
      </button>
      <button type="button" className="attention-item attention-warn" onClick={() => onChange({ certificate: 'expiring' })} disabled={attention.expiring === 0}>
        {t('managers.attentionExpiring', { count: attention.expiring })}
      </button>
    </div>
  );
}

/** 安全管理员: certified safety managers of the district's units, paged from SQLite. */
export function ManagersPage() {
  const { t } = useTranslation();
  const params = useRouteParams();
  const [initialFilter] = useState(() => filterFromParams(params));
  const config = useMemo<RegistryGridConfig<ManagerFilterState, SafetyManager>>(
    () => ({
      grid: 'managers',
      title: t('managers.title'),
      columns: managerColumns(t),
      initialFilter,
      query: (f, range, sortModel) => api.call('managers.query', { ...range, ...managerQueryFilter(f, sortModel) }),
      exportInput: (f, sortModel, columns) => ({ grid: 'managers', filter: managerQueryFilter(f, sortModel), columns }),
      get: (id) => api.call('managers.get', { id }),
      narrowed: hasNarrowing,
      emptyNarrowed: t('managers.empty'),
      emptyAll: t('managers.emptyAll'),
      Toolbar: ManagersToolbar,
      Attention: ManagersAttention,
      editDialog: ({ row, filter, onClose, done }) => (
        <ManagerDialog
          manager={row}
          unitId={filter.unitId}
          unitName={filter.unitName}
          onClose={onClose}
          onSaved={(saved) => {
            const name = saved.manager.name;
            const warnings = saved.warnings.map((w) => w.message).join('；');
            done(warnings ? t('registryEdit.savedWithWarnings', { name, warnings }) : t('registryEdit.saved', { name }));
          }}
        />
      ),
      remove: {
        title: t('registryEdit.manager.deleteTitle'),
        question: (row) => t('registryEdit.manager.deleteQuestion', { name: row.name, certificate: row.certificateNo ?? '—' }),
        call: (row) => api.call('managers.delete', { id: row.id, version: row.version }),
        done: (row) => t('registryEdit.deleted', { name: row.name }),
      },
    }),
    [t, initialFilter],
  );
  return <RegistryGridPage config={config} />;
}
