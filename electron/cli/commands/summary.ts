import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { Month } from '../../api/schemas/summaries.ts';
import { callOrFail, requireDb, withCore } from '../database-option.ts';
import { CommandError, UsageError, type CliIo } from '../io.ts';

/**
 * `qkl summary --db FILE --month YYYY-MM --out FILE.docx [--office NODE] [--json]`: a
 * month's work summary as the Word document the page exports (an office's own; the
 * bureau names the office by its node id). --json prints the summary too:
 * {"title", "status", "timeliness", "dueOn", "submittedAt", "rows": [{"label","value"}], "file"}.
 */
export async function summaryCommand(args: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({ args, options: { db: { type: 'string' }, month: { type: 'string' }, out: { type: 'string' }, office: { type: 'string' }, json: { type: 'boolean' } } });
  if (!values.month || !Month.safeParse(values.month).success) throw new UsageError(`--month 应为月份，格式 YYYY-MM（如 2026-12），当前为“${values.month ?? ''}”`);
  if (!values.out) throw new UsageError('缺少 --out 参数：请指定导出的 Word 文件，例如 --out 工作小结.docx');
  const out = path.resolve(values.out);
  const file = requireDb(values.db, true);
  return withCore(file, async (core) => {
    const input = { month: values.month, ...(values.office ? { officeNode: values.office } : {}) };
    const summary = await callOrFail(core, 'summaries.get', input);
    const docx = await callOrFail(core, 'summaries.exportDocx', input);
    try {
      writeFileSync(out, Buffer.from(docx.contentBase64, 'base64'));
    } catch (error) {
      throw new CommandError(`无法写入文件 ${out}：${(error as NodeJS.ErrnoException).code ?? (error as Error).message}。请检查文件夹是否存在、文件是否已在 Word 中打开。`);
    }
    if (values.json) {
      const { title, status, timeliness, dueOn, submittedAt, rows } = summary;
      io.out(JSON.stringify({ title, status, timeliness, dueOn, submittedAt, rows: rows.map((r) => ({ label: r.label, value: r.value })), file: out }));
    } else {
      io.out(`已导出“${summary.title}” → ${out}`);
    }
    return 0;
  });
}
