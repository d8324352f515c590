import { useTranslation } from 'react-i18next';
import { currentLanguage, languages, setLanguage, type Language } from '../../i18n/index.ts';

/** 界面语言: Chinese by default; English for the code's own tests and reviewers. */
export function LanguageSection() {
  const { t } = useTranslation();
  return (
    <section className="panel" aria-labelledby="language-title">
      <h2 id="language-title" className="section-title">
        {t('settings.language')}
      </h2>
      <select className="language-select" aria-labelledby="language-title" value={currentLanguage()} onChange={(e) => void setLanguage(e.target.value as Language)}>
        {languages.map((l) => (
          <option key={l} value={l}>
            {t(`settings.languageName.${l}`)}
          </option>
        ))}
      </select>
    </section>
  );
}
