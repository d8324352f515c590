import { useTranslation } from 'react-i18next';

export type PlannedArea = 'blocks' | 'chain' | 'acceptance' | 'training' | 'bundles';

/** Says what an area will do and that it is not available yet; shows no data, real or fake. */
export function PlaceholderPage({ area }: { area: PlannedArea }) {
  const { t } = useTranslation();
  const plan = t(`placeholder.${area}.plan`, { returnObjects: true }) as readonly string[];
  return (
    <section className="page placeholder-page" aria-labelledby="placeholder-title">
      <h1 id="placeholder-title" className="page-title">
        {t(`placeholder.${area}.title`)}
      </h1>
      <div className="notice notice-info" role="status">
        <strong>{t('placeholder.notYet')}</strong>
        <p>{t('placeholder.notYetBody')}</p>
      </div>
      <h2 className="section-title">{t('placeholder.plannedTitle')}</h2>
      <ul className="plan-list">
        {plan.map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
    </section>
  );
}
