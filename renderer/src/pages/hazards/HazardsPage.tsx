import { useTranslation } from 'react-i18next';

/** 隐患闭环 */
export function HazardsPage() {
  const { t } = useTranslation();
  return (
    <section className="page">
      <h1 className="page-title">{t('nav.hazards')}</h1>
    </section>
  );
}
