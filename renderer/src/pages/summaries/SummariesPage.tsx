import { useTranslation } from 'react-i18next';

/** 月度工作小结 */
export function SummariesPage() {
  const { t } = useTranslation();
  return (
    <section className="page">
      <h1 className="page-title">{t('summaries.title')}</h1>
      <p className="page-intro">{t('summaries.intro')}</p>
    </section>
  );
}
