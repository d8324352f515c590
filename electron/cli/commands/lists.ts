import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { IsoDate } from '../../api/schemas/registry.ts';
import { callOrFail, requireDb, withCore } from '../database-option.ts';
import { CommandError, UsageError, type CliIo } from '../io.ts';

/**
 * `qkl lists --db FILE --out FILE.xlsx [--as-of YYYY-MM-DD] [--json]`: the two lists
 * as the office files them (one xlsx, two sheets). --json prints the lists too,
 * for scripts: {"units": [{"uscc","name","count",…}], "managers": [{"certificateNo","name","uscc",…}], …}.
 */
export async function listsCommand(args: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({
    args,
    options: { db: { type: 'string' }, out: { type: 'string' }, 'as-of': { type: 'string' }, json: { type: 'boolean' } },
  });
  if (!values.out) throw new UsageError('缺少 --out 参数：请指定导出的 xlsx 文件，例如 --out 两项清单.xlsx');
  const asOf = values['as-of'];
  if (asOf !== undefined && !IsoDate.safeParse(asOf).success) {
    throw new UsageError(`--as-of 应为实际存在的日期，格式 YYYY-MM-DD（如 2026-11-28），当前为“${asOf}”`);
  }
  const out = path.resolve(values.out);
  const file = requireDb(values.db, true);
  return withCore(file, async (core) => {
    const input = asOf ? { asOf } : {};
    const lists = await callOrFail(core, 'lists.get', input);
    const xlsx = await callOrFail(core, 'lists.exportXlsx', input);
    try {
      writeFileSync(out, Buffer.from(xlsx.contentBase64, 'base64'));
    } catch (error) {
      throw new CommandError(`无法写入文件 ${out}：${(error as NodeJS.ErrnoException).code ?? (error as Error).message}。请检查文件夹是否存在、文件是否已在 Excel 中打开。`);
    }
    if (values.json) {
      io.out(JSON.stringify({ ...lists, file: out }));
    } else {
      io.out(`已导出${lists.titles.authority}两项清单（截至 ${lists.asOf}）：使用单位 ${lists.units.length} 家，安全管理员 ${lists.managers.length} 人 → ${out}`);
    }
    return 0;
  });
}
