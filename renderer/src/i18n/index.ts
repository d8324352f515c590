import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from './en.ts';
import { zhCN } from './zh-CN.ts';

export const languages = ['zh-CN', 'en'] as const;
export type Language = (typeof languages)[number];

const STORAGE_KEY = 'qkl-language';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof zhCN };
  }
}

function storedLanguage(): Language {
  const value = localStorage.getItem(STORAGE_KEY);
  return (languages as readonly string[]).includes(value ?? '') ? (value as Language) : 'zh-CN';
}

// Resources are bundled, so initialisation is synchronous and the first render
// already has its words (no flash of keys).
void i18n.use(initReactI18next).init({
  resources: { 'zh-CN': { translation: zhCN }, en: { translation: en } },
  lng: storedLanguage(),
  fallbackLng: 'zh-CN',
  initAsync: false,
  // React escapes text itself.
  interpolation: { escapeValue: false },
});

document.documentElement.lang = i18n.language;

export function currentLanguage(): Language {
  return (languages as readonly string[]).includes(i18n.language) ? (i18n.language as Language) : 'zh-CN';
}

export async function setLanguage(language: Language): Promise<void> {
  localStorage.setItem(STORAGE_KEY, language);
  await i18n.changeLanguage(language);
  document.documentElement.lang = language;
}

export { i18n };
