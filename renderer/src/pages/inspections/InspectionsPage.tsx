import { useTranslation } from 'react-i18next';

/** 专项检查 */
export function InspectionsPage() {
  const { t } = useTranslation();
  return (
    <section className="page">
      <h1 className="page-title">{t('inspections.title')}</h1>
      <p className="page-intro">{t('inspections.intro')}</p>
    </section>
  );
}
