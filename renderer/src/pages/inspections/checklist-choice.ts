import type { TFunction } from 'i18next';
import type { Checklist } from '../../../../electron/api/schemas/inspections.ts';

// Which checklist a new plan starts with, and how a version is named in a list.

/** The newest list for the kind (an office's own version first), else the newest common list: `key@version`. */
export function defaultChecklist(lists: readonly Checklist[], kind: string | null): string {
  const latest = lists.filter((l) => l.latest);
  const pick = (kind ? latest.find((l) => l.equipmentKind === kind) : undefined) ?? latest.find((l) => l.key === 'common') ?? latest[0];
  return pick ? `${pick.key}@${pick.version}` : '';
}

export function checklistLabel(t: TFunction, list: Checklist): string {
  const label = t('inspections.checklist.option', { name: list.name, version: list.version, source: list.source === 'office' ? t('inspections.checklist.office') : '' });
  return list.latest ? `${label} · ${t('inspections.checklist.latest')}` : label;
}
