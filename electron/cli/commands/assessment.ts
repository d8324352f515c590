import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { Month } from '../../api/schemas/summaries.ts';
import { callOrFail, requireDb, withCore } from '../database-option.ts';
import { CommandError, UsageError, type CliIo } from '../io.ts';

/**
 * `qkl assessment --db 市局.sqlite --month YYYY-MM [--out 文件.xlsx] [--json]`: the month's
 * district assessment (the bureau's). --out writes the table in the official layout;
 * --json prints {"month", "asOf", "rulesVersion", "indicators": [{"key","label","weight"}],
 * "rows": [{"district","status","scores": {key: score|null}, "total","maxScore","normalized","rank"}], "file"}.
 */
export async function assessmentCommand(args: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({ args, options: { db: { type: 'string' }, month: { type: 'string' }, out: { type: 'string' }, json: { type: 'boolean' } } });
  if (!values.month || !Month.safeParse(values.month).success) throw new UsageError(`--month 应为月份，格式 YYYY-MM（如 2026-11），当前为“${values.month ?? ''}”`);
  const file = requireDb(values.db, true);
  return withCore(file, async (core) => {
    const a = await callOrFail(core, 'steering.assessment', { month: values.month });
    const out = values.out ? path.resolve(values.out) : null;
    if (out) {
      const xlsx = await callOrFail(core, 'steering.exportAssessment', { month: values.month });
      try {
        writeFileSync(out, Buffer.from(xlsx.contentBase64, 'base64'));
      } catch (error) {
        throw new CommandError(`无法写入文件 ${out}：${(error as NodeJS.ErrnoException).code ?? (error as Error).message}。请检查文件夹是否存在、文件是否已在 Excel 中打开。`);
      }
    }
    if (values.json) {
      io.out(
        JSON.stringify({
          month: a.month,
          asOf: a.asOf,
          rulesVersion: a.rulesVersion,
          indicators: a.indicators.map(({ key, label, weight }) => ({ key, label, weight })),
          rows: a.rows.map((r) => ({
            district: r.districtName,
            status: r.status,
            scores: Object.fromEntries(r.cells.map((c) => [c.key, c.score])),
            total: r.total,
            maxScore: r.maxScore,
            normalized: r.normalized,
            rank: r.rank,
          })),
          file: out,
        }),
      );
      return 0;
    }
    for (const r of a.rows) {
      io.out(r.status === 'assessed' ? `${r.rank ?? '—'}\t${r.districtName}\t${r.total ?? '—'} / ${r.maxScore ?? '—'}\t折算 ${r.normalized ?? '—'}` : `—\t${r.districtName}\t未启用`);
    }
    if (out) io.out(`已导出考核表 → ${out}`);
    return 0;
  });
}
