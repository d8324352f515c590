import { useTranslation } from 'react-i18next';

/** 月度工作小结: the printable document (A4 portrait), without the shell. */
export function SummaryPrintPage() {
  const { t } = useTranslation();
  return <h1 className="page-title">{t('summaries.title')}</h1>;
}
