import { useTranslation } from 'react-i18next';
import { DistrictsSection } from './DistrictsSection.tsx';
import { IdentitySection } from './IdentitySection.tsx';
import { KeySessionSection } from './KeySessionSection.tsx';
import { LanguageSection } from './LanguageSection.tsx';
import { RegistrySection } from './RegistrySection.tsx';
import { StaffSection } from './StaffSection.tsx';

/** 设置: who this node is, who works on it (经办人员), the program, the language, the screening and alert rules, how long the passphrase is kept, and the district list. */
export function SettingsPage() {
  const { t } = useTranslation();
  return (
    <section className="page settings-page" aria-labelledby="settings-title">
      <h1 id="settings-title" className="page-title">
        {t('settings.title')}
      </h1>
      <IdentitySection />
      <StaffSection />
      <LanguageSection />
      <RegistrySection />
      <KeySessionSection />
      <DistrictsSection />
    </section>
  );
}
