import { useTranslation } from 'react-i18next';

/** 投诉举报 */
export function ComplaintsPage() {
  const { t } = useTranslation();
  return (
    <section className="page">
      <h1 className="page-title">{t('complaints.title')}</h1>
      <p className="page-intro">{t('complaints.intro')}</p>
    </section>
  );
}
