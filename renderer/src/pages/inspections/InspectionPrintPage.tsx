import { useTranslation } from 'react-i18next';

/** 专项检查: the printable document (A4 portrait), without the shell. */
export function InspectionPrintPage() {
  const { t } = useTranslation();
  return <h1 className="page-title">{t('inspections.title')}</h1>;
}
