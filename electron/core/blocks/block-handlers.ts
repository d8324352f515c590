import type { blockCalls } from '../../api/calls/blocks.ts';
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

export const blockHandlers: HandlerGroup<keyof typeof blockCalls> = {
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
  'chain.roster': (ctx, input) => chainRoster(ctx, resolveAsOf(ctx, input.asOf)),
  'chain.exportXlsx': async (ctx, input) => {
    const roster = chainRoster(ctx, resolveAsOf(ctx, input.asOf));
    return { fileName: chainFileName(roster), mimeType: XLSX_MIME, contentBase64: (await chainWorkbook(roster)).toString('base64') };
  },
};
