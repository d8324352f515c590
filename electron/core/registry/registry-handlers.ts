import type { registryCalls } from '../../api/calls/registry.ts';
import type { equipmentCalls } from '../../api/calls/equipment.ts';
import type { gridCalls } from '../../api/calls/grid.ts';
import type { listCalls } from '../../api/calls/lists.ts';
import type { managerCalls } from '../../api/calls/managers.ts';
import type { settingCalls } from '../../api/calls/settings.ts';
import { XLSX_MIME } from '../../api/schemas/files.ts';
import type { HandlerGroup } from '../handler-types.ts';
import { twoListsFileName, twoListsWorkbook } from '../lists/lists-xlsx.ts';
import { buildTwoLists } from '../lists/two-lists.ts';
import { getSettings, updateSettings } from '../settings/settings-service.ts';
import { resolveAsOf } from './as-of.ts';
import { queryEquipment } from './equipment-query.ts';
import { exportGrid } from './grid-export.ts';
import { queryManagers } from './manager-query.ts';
import { registrySummary } from './summary.ts';
import { createEquipment, deleteEquipment, getEquipment, updateEquipment } from './equipment-service.ts';
import { createManager, deleteManager, getManager, updateManager } from './manager-service.ts';

export const registryHandlers: HandlerGroup<keyof typeof registryCalls | keyof typeof equipmentCalls | keyof typeof gridCalls | keyof typeof listCalls | keyof typeof managerCalls | keyof typeof settingCalls> = {
  'equipment.query': queryEquipment,
  'equipment.get': (ctx, input) => getEquipment(ctx, input.id),
  'equipment.create': createEquipment,
  'equipment.update': updateEquipment,
  'equipment.delete': deleteEquipment,
  'managers.query': queryManagers,
  'managers.get': (ctx, input) => getManager(ctx, input.id),
  'managers.create': createManager,
  'managers.update': updateManager,
  'managers.delete': deleteManager,
  'registry.summary': registrySummary,
  'grid.export': exportGrid,
  'lists.get': (ctx, input) => buildTwoLists(ctx, resolveAsOf(ctx, input.asOf)),
  'lists.exportXlsx': async (ctx, input) => {
    const lists = buildTwoLists(ctx, resolveAsOf(ctx, input.asOf));
    const bytes = await twoListsWorkbook(lists);
    return { fileName: twoListsFileName(lists), mimeType: XLSX_MIME, contentBase64: bytes.toString('base64') };
  },
  'settings.get': (ctx) => getSettings(ctx),
  'settings.update': updateSettings,
};
