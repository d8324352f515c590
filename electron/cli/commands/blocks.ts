import { parseArgs } from 'node:util';
import type { Block, BlockProposal } from '../../api/schemas/blocks.ts';
import { callOrFail, requireDb, withCore } from '../database-option.ts';
import { UsageError, type CliIo } from '../io.ts';

// `qkl blocks list|suggest`: the safety blocks (块) of the node's district.
// --json prints one array, for scripts; units are named by their 统一社会信用代码,
// inspectors by name, problems by code (see electron/api/schemas/blocks.ts):
//   list    [{"id","name","leadUnit": uscc|null,"members": [uscc…],"inspectors": [name…],"problems": [code…]}]
//   suggest [{"name","town","leadUnit": uscc|null,"members": [uscc…],"problems": [code…]}]  (nothing is written)

const blocksUsage = `用法：qkl blocks <子命令> --db 文件 …
  list    --db 文件 [--all] [--json]   安全管理小组：成员、牵头单位、监察人员、问题（--all 含已解散的小组）
  suggest --db 文件 [--json]           智能分组建议：清单一中尚未编组的单位按镇、行业分组（只显示，不写入）`;

const uniq = <T,>(list: T[]) => [...new Set(list)];

function blockJson(b: Block) {
  return {
    id: b.id,
    name: b.name,
    leadUnit: b.members.find((m) => m.isLead)?.uscc ?? null,
    members: b.members.map((m) => m.uscc),
    inspectors: b.inspectors.map((i) => i.name),
    problems: uniq(b.problems.map((p) => p.code)),
    ...(b.dissolvedAt ? { dissolvedAt: b.dissolvedAt } : {}),
  };
}

function proposalJson(p: BlockProposal) {
  return {
    name: p.name,
    town: p.town,
    leadUnit: p.members.find((m) => m.unitId === p.leadUnitId)?.uscc ?? null,
    members: p.members.map((m) => m.uscc),
    problems: uniq(p.problems.map((x) => x.code)),
  };
}

const subcommands: Record<string, (args: string[], io: CliIo) => Promise<number>> = {
  async list(args, io) {
    const { values } = parseArgs({ args, options: { db: { type: 'string' }, all: { type: 'boolean' }, json: { type: 'boolean' } } });
    return withCore(requireDb(values.db, true), async (core) => {
      const board = await callOrFail(core, 'blocks.list', { includeDissolved: values.all ?? false });
      if (values.json) {
        io.out(JSON.stringify(board.blocks.map(blockJson)));
        return 0;
      }
      if (board.blocks.length === 0) {
        io.out('尚未编排安全管理小组。可运行 qkl blocks suggest 查看分组建议。');
        return 0;
      }
      io.out(`安全管理小组 ${board.blocks.length} 个（截至 ${board.asOf}，规模 ${board.settings.minSize}–${board.settings.maxSize} 家）：`);
      for (const b of board.blocks) {
        const lead = b.members.find((m) => m.isLead)?.name ?? '未指定';
        const inspectors = b.inspectors.map((i) => i.name).join('、') || '未指定';
        const state = b.dissolvedAt ? `（已解散：${b.dissolvedReason ?? ''}）` : '';
        io.out(`${b.name}${state}　成员 ${b.members.length} 家　牵头单位：${lead}　监察人员：${inspectors}　在用设备 ${b.equipmentInUse} 台　超期检验 ${b.overdueCount} 台`);
        for (const p of b.problems) io.out(`  ${p.severity === 'error' ? '问题' : '提示'}：${p.message}`);
      }
      return 0;
    });
  },

  async suggest(args, io) {
    const { values } = parseArgs({ args, options: { db: { type: 'string' }, json: { type: 'boolean' } } });
    return withCore(requireDb(values.db, true), async (core) => {
      const answer = await callOrFail(core, 'blocks.suggest', {});
      if (values.json) {
        io.out(JSON.stringify(answer.proposals.map(proposalJson)));
        return 0;
      }
      if (answer.proposals.length === 0) {
        io.out('清单一中没有尚未编组的使用单位，无需建议。');
        return 0;
      }
      io.out(`分组建议 ${answer.proposals.length} 组，涉及清单一中尚未编组的使用单位 ${answer.unitCount} 家（规模 ${answer.settings.minSize}–${answer.settings.maxSize} 家；仅为建议，未写入）：`);
      for (const p of answer.proposals) {
        const lead = p.members.find((m) => m.unitId === p.leadUnitId)?.name ?? '未指定';
        io.out(`${p.name}　${p.members.length} 家　建议牵头单位：${lead}`);
        io.out(`  成员：${p.members.map((m) => m.name).join('、')}`);
        for (const x of p.problems) io.out(`  ${x.severity === 'error' ? '问题' : '提示'}：${x.message}`);
      }
      return 0;
    });
  },
};

export async function blocksCommand(args: string[], io: CliIo): Promise<number> {
  const [name, ...rest] = args;
  if (!name || name === 'help' || name === '--help' || name === '-h') {
    io.out(blocksUsage);
    return name ? 0 : 2;
  }
  const sub = subcommands[name];
  if (!sub) throw new UsageError(`未知的 blocks 子命令“${name}”。可用：${Object.keys(subcommands).join('、')}`);
  return sub(rest, io);
}
