import { AG_GRID_LOCALE_CN, AG_GRID_LOCALE_EN } from '@ag-grid-community/locale';
import { AllCommunityModule, ModuleRegistry, themeQuartz } from 'ag-grid-community';
import type { Language } from '../i18n/index.ts';

ModuleRegistry.registerModules([AllCommunityModule]);

/** One look for every grid: compact rows for a desk app, local CJK fonts only (nothing remote). */
export const gridTheme = themeQuartz.withParams({
  fontFamily: ['Noto Sans CJK SC', 'Microsoft YaHei', 'sans-serif'],
  fontSize: 13,
  headerFontSize: 13,
  headerFontWeight: 600,
  rowHeight: 30,
  headerHeight: 34,
  spacing: 6,
  accentColor: '#1d5fa6',
  headerBackgroundColor: '#eef2f7',
  oddRowBackgroundColor: '#fafbfc',
  borderRadius: 2,
  wrapperBorderRadius: 3,
  browserColorScheme: 'light',
});

export function gridLocale(language: Language): Record<string, string> {
  return language === 'en' ? AG_GRID_LOCALE_EN : AG_GRID_LOCALE_CN;
}
