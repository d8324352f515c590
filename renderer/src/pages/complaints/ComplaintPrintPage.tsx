import { useTranslation } from 'react-i18next';

/** 投诉举报: the printable document (A4 portrait), without the shell. */
export function ComplaintPrintPage() {
  const { t } = useTranslation();
  return <h1 className="page-title">{t('complaints.title')}</h1>;
}
