import { useTranslation } from 'react-i18next';

interface RowActionsProps {
  selected: boolean;
  /** the selected row is this node's own (others' rows are changed only by the node that registered them) */
  owned: boolean;
  onAdd: () => void;
  onEdit: () => void;
  onDelete: () => void;
}

/** 新增 / 修改 / 删除 of a registry grid, at the right of the page header (the toolbar is full of filters). */
export function RowActions({ selected, owned, onAdd, onEdit, onDelete }: RowActionsProps) {
  const { t } = useTranslation();
  const title = !selected ? t('registryEdit.selectFirst') : owned ? undefined : t('registryEdit.notOwned');
  return (
    <div className="page-actions" role="group" aria-label={t('registryEdit.actions')}>
      <button type="button" className="button button-primary" onClick={onAdd} title={t('registryEdit.addShortcut')}>
        {t('registryEdit.add')}
      </button>
      <button type="button" className="button" onClick={onEdit} disabled={!owned} title={title}>
        {t('registryEdit.edit')}
      </button>
      <button type="button" className="button" onClick={onDelete} disabled={!owned} title={title}>
        {t('registryEdit.delete')}
      </button>
    </div>
  );
}
