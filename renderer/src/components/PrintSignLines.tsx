import { useTranslation } from 'react-i18next';

/**
 * The lines at the end of a printed list: 填表人 / 审核人 / 日期, each a line to sign or
 * fill in by hand. `preparedBy` prints the clerk's name on the first line when known.
 */
export function PrintSignLines({ preparedBy }: { preparedBy?: string | null }) {
  const { t } = useTranslation();
  return (
    <div className="print-sign-lines" data-testid="print-sign-lines">
      <span>
        {t('print.preparedBy')}
        <span className="print-sign-blank">{preparedBy ?? ''}</span>
      </span>
      <span>
        {t('print.checkedBy')}
        <span className="print-sign-blank" />
      </span>
      <span>
        {t('print.date')}
        <span className="print-sign-blank print-sign-date">{t('print.dateBlank')}</span>
      </span>
    </div>
  );
}
