import demoUnitV1 from '../../../resources/checklists/demo-unit-v1.json' with { type: 'json' };
import demoUnitV2 from '../../../resources/checklists/demo-unit-v2.json' with { type: 'json' };
import { AppError } from '../../api/errors.ts';
import { ChecklistTemplate, type ChecklistItemTemplate } from '../../api/schemas/acceptance.ts';

// The checklist of the seed's annex (附件一), shipped in resources/checklists and
// bundled into the app at build time. Every acceptance file pins the version it was
// made from, so a new version is added here without changing old files.
// v2: 2.2 and 3.2 need evidence (not the ledger alone), 3.2 names the safety
// accessories, 6.1 is checked against the operators' certificates, not the A managers.
const shipped: Record<string, unknown> = { v1: demoUnitV1, v2: demoUnitV2 };

export const LATEST_CHECKLIST_VERSION = 'v2';

const cache = new Map<string, ChecklistTemplate>();

/** Parses a template (shipped or not) with the zod schema: a broken file is refused with the reason. */
export function parseChecklist(raw: unknown): ChecklistTemplate {
  const parsed = ChecklistTemplate.safeParse(raw);
  if (!parsed.success) {
    throw new AppError('INTERNAL', `验收检查表模板格式不正确：${parsed.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('；')}`);
  }
  return parsed.data;
}

export function loadChecklist(version: string = LATEST_CHECKLIST_VERSION): ChecklistTemplate {
  let template = cache.get(version);
  if (!template) {
    const raw = shipped[version];
    if (!raw) throw new AppError('NOT_FOUND', `本程序没有验收检查表版本 ${version}，请升级本程序后再打开该档案。`);
    template = parseChecklist(raw);
    if (template.version !== version) throw new AppError('INTERNAL', `验收检查表模板 ${version} 的版本号写成了 ${template.version}`);
    cache.set(version, template);
  }
  return template;
}

/** Item templates by code, with their area. */
export function checklistItems(template: ChecklistTemplate): Map<string, ChecklistItemTemplate & { areaCode: string }> {
  const items = new Map<string, ChecklistItemTemplate & { areaCode: string }>();
  for (const area of template.areas) for (const item of area.items) items.set(item.code, { ...item, areaCode: area.code });
  return items;
}
