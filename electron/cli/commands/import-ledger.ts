import { existsSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { equipmentSheetFields, managerSheetFields, type LedgerIssue, type LedgerSummary } from '../../api/schemas/ledger.ts';
import { callOrFail, requireDb, withCore } from '../database-option.ts';
import { CommandError, UsageError, type CliIo } from '../io.ts';

/** Rows of the readable summary; --json always carries all of them. */
const SHOWN = 30;

const fieldNames: Record<string, string> = {
  districtName: '所属分局',
  unitName: '使用单位名称',
  uscc: '统一社会信用代码',
  category: '设备类别（或种类、品种）',
  equipmentCode: '设备代码（或注册代码、使用登记证编号）',
  personName: '姓名',
  certificateNo: '证书编号（或身份证号）',
  itemCode: '作业项目',
};

function issueLine(issue: LedgerIssue): string {
  const where = issue.column ? `${issue.column.trim()}（${issue.columnLetter} 列）` : '';
  const value = issue.value ? `“${issue.value}”` : '';
  return `  ${issue.sheet} 第 ${issue.row} 行 ${where}${value}：${issue.message}`;
}

function updateLine(update: LedgerSummary['updates'][number]): string {
  const changes = update.changes.map((c) => `${c.field}：${c.before ?? '空'} → ${c.after ?? '空'}`).join('；');
  return `  ${update.sheet} 第 ${update.row} 行 ${update.key}：${changes}`;
}

function printSummary(io: CliIo, s: LedgerSummary): void {
  const triple = (label: string, c: LedgerSummary['units']) => `${label}：新增 ${c.inserted}，更新 ${c.updated}，未变 ${c.unchanged}`;
  io.out(`${s.dryRun ? '试导入（未写入数据库）' : '已导入'}：${s.fileName}，读取 ${s.rowsRead} 行`);
  io.out(triple('使用单位', s.units));
  io.out(triple('特种设备', s.equipment));
  io.out(triple('安全管理员', s.managers));
  if (s.duplicatesFolded > 0) io.out(`完全重复的行：${s.duplicatesFolded} 行（已合并）`);
  if (s.updates.length > 0) {
    io.out(`更新明细：${s.updates.length} 条`);
    for (const update of s.updates.slice(0, SHOWN)) io.out(updateLine(update));
    if (s.updates.length > SHOWN) io.out(`  ……另有 ${s.updates.length - SHOWN} 条，使用 --json 查看全部`);
  }
  const held = new Set(s.warnings.filter((w) => w.code === 'IDENTITY_CHANGED' && !w.message.includes('已确认接受')).map((w) => `${w.sheet}#${w.row}`));
  if (held.size > 0) io.out(`识别字段变化待确认：${held.size} 行${s.dryRun ? '暂不' : '未'}更新（核对后加 --accept-identity-changes 接受）`);
  for (const [label, list] of [
    ['错误（这些行未导入）', s.errors],
    ['提示', s.warnings],
  ] as const) {
    if (list.length === 0) continue;
    io.out(`${label}：${list.length} 条`);
    for (const issue of list.slice(0, SHOWN)) io.out(issueLine(issue));
    if (list.length > SHOWN) io.out(`  ……另有 ${list.length - SHOWN} 条，使用 --json 查看全部`);
  }
}

const fieldKeys = new Set<string>([...equipmentSheetFields, ...managerSheetFields, 'extra']);

/**
 * `--map "表头=字段"` (both sheets) or `--map "managers:表头=字段"`: the wizard's column
 * choice for scripts. Fields are the contract's keys (unitName, uscc, equipmentCode …)
 * or `extra` to keep the column as an extra attribute.
 */
export function parseMappings(items: string[]): { equipment?: Record<string, string>; managers?: Record<string, string> } | undefined {
  if (items.length === 0) return undefined;
  const result: { equipment: Record<string, string>; managers: Record<string, string> } = { equipment: {}, managers: {} };
  for (const item of items) {
    const match = /^(?:(equipment|managers):)?(.+)=([A-Za-z]+)$/.exec(item.trim());
    if (!match || !fieldKeys.has(match[3]!)) {
      throw new UsageError(`--map 的写法应为 "表头=字段"，字段可选：${[...fieldKeys].join('、')}（收到：${item}）`);
    }
    const [, kind, header, field] = match;
    for (const k of kind ? [kind as 'equipment' | 'managers'] : (['equipment', 'managers'] as const)) {
      const allowed: readonly string[] = k === 'equipment' ? equipmentSheetFields : managerSheetFields;
      if (field === 'extra' || allowed.includes(field!)) result[k][header!.trim()] = field!;
      else if (kind) throw new UsageError(`字段 ${field} 不属于${k === 'equipment' ? '设备台账' : '安全管理人员'}表`);
    }
  }
  return result;
}

/**
 * `qkl import-ledger --db FILE LEDGER [--dry-run] [--json] [--accept-identity-changes]`: the wizard's import from
 * the command line, through the same two calls (ledger.preview, then ledger.apply),
 * so both give the same result on the same file. Row errors are part of the report
 * (exit 0); a file that cannot be read at all exits 1 with one line on stderr.
 */
export async function importLedgerCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      db: { type: 'string' },
      'dry-run': { type: 'boolean' },
      json: { type: 'boolean' },
      map: { type: 'string', multiple: true },
      remember: { type: 'boolean' },
      'accept-identity-changes': { type: 'boolean' },
    },
  });
  if (positionals.length !== 1) throw new UsageError('请指定一个台账文件（.xlsx 或 .csv），例如 qkl import-ledger --db 塘桥.sqlite 台账.xlsx');
  const mappings = parseMappings(values.map ?? []);
  const ledger = path.resolve(positionals[0]!);
  if (!existsSync(ledger)) throw new CommandError(`台账文件不存在：${ledger}`);
  const file = requireDb(values.db, true);

  return withCore(file, async (core) => {
    const preview = await callOrFail(core, 'ledger.preview', {
      source: { kind: 'path', path: ledger },
      mappings,
      rememberMappings: values.remember ?? false,
      // accepted at preview: a dry run then shows the counts the import will have
      ...(values['accept-identity-changes'] ? { acceptIdentityChanges: 'all' as const } : {}),
    });
    if (preview.needsMapping) {
      if (values.json) io.out(JSON.stringify(preview));
      const missing = preview.sheets
        .filter((sheet) => sheet.missingRequired.length > 0)
        .map((sheet) => `工作表“${sheet.name}”缺少${sheet.missingRequired.map((f) => `“${fieldNames[f] ?? f}”`).join('、')}列`)
        .join('；');
      throw new CommandError(`${missing}。请修改表头，或用 --map "表头=字段" 指明（如 --map "单位全称=unitName"，加 --remember 记住），或在导入向导中选择（选择会被记住）`);
    }
    const result = values['dry-run'] ? preview : await callOrFail(core, 'ledger.apply', { planId: preview.planId });
    if (values.json) io.out(JSON.stringify(result));
    else printSummary(io, result);
    return 0;
  });
}
