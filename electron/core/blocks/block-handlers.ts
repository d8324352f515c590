import type { blockCalls } from '../../api/calls/blocks.ts';
import type { chainCalls } from '../../api/calls/chain.ts';
import type { inspectorCalls } from '../../api/calls/inspectors.ts';
import type { ChainRoster } from '../../api/schemas/blocks.ts';
import { appendAudit } from '../audit.ts';
import type { CoreContext } from '../context.ts';
import { requireIdentity } from '../node/node-service.ts';
import { XLSX_MIME } from '../../api/schemas/files.ts';
import type { HandlerGroup } from '../handler-types.ts';
import { resolveAsOf } from '../registry/as-of.ts';
import { getBlockDetail, listBlocks } from './block-read.ts';
import { createBlock, dissolveBlock, saveBlock } from './block-service.ts';
import { getBlockSettings, updateBlockSettings } from './block-settings.ts';
import { blockCandidates, blockManagers } from './candidates.ts';
import { chainRoster } from './chain-roster.ts';
import { chainFileName, chainWorkbook } from './chain-xlsx.ts';
import { listInspectors, saveInspector } from './inspector-service.ts';
import { suggestBlocks } from './suggest.ts';

/**
 * The roster; for the 工作联系表 with managers' phones in full, and then an audit entry
 * saying whose (the manager rows), never the numbers: full phones leave the masked
 * screens only there.
 */
function contactRoster(ctx: CoreContext, call: 'chain.roster' | 'chain.exportXlsx', input: { asOf?: string; contactSheet?: boolean }): ChainRoster {
  const roster = chainRoster(ctx, resolveAsOf(ctx, input.asOf), { contactSheet: input.contactSheet });
  if (input.contactSheet) {
    const ids = roster.blocks.flatMap((b) => b.units.flatMap((u) => u.managers.filter((m) => m.phone).map((m) => m.managerId)));
    appendAudit(ctx, { nodeId: requireIdentity(ctx).id, call, table: 'safety_managers', rowIds: [...new Set(ids)], after: { contactSheet: true, asOf: roster.asOf, fullPhones: new Set(ids).size } });
  }
  return roster;
}

export const blockHandlers: HandlerGroup<keyof typeof blockCalls | keyof typeof chainCalls | keyof typeof inspectorCalls> = {
  'blocks.list': (ctx, input) => listBlocks(ctx, input),
  'blocks.get': (ctx, input) => getBlockDetail(ctx, input.id),
  'blocks.save': saveBlock,
  'blocks.dissolve': dissolveBlock,
  'blocks.candidates': (ctx) => blockCandidates(ctx),
  'blocks.managers': (ctx, input) => blockManagers(ctx, input.unitIds),
  'blocks.suggest': (ctx) => suggestBlocks(ctx),
  'blocks.acceptSuggestion': (ctx, input) => createBlock(ctx, input, 'blocks.acceptSuggestion'),
  'blocks.settings': (ctx) => getBlockSettings(ctx),
  'blocks.updateSettings': updateBlockSettings,
  'inspectors.list': listInspectors,
  'inspectors.save': saveInspector,
  'chain.roster': (ctx, input) => contactRoster(ctx, 'chain.roster', input),
  'chain.exportXlsx': async (ctx, input) => {
    const roster = contactRoster(ctx, 'chain.exportXlsx', input);
    return { fileName: chainFileName(roster), mimeType: XLSX_MIME, contentBase64: (await chainWorkbook(roster)).toString('base64') };
  },
};
