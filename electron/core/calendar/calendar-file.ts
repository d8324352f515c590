import { z } from 'zod';
import { AppError } from '../../api/errors.ts';

// One year of the State Council's holiday arrangement (国务院办公厅关于部分节假日安排的通知):
// the days off and the make-up working days (调休上班). The shipped files live in
// resources/calendar; the bureau may override a year in the data folder (see calendar.ts).

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期应写作 YYYY-MM-DD');

export const CalendarFile = z
  .object({
    year: z.number().int().min(2000).max(2100),
    /** a year the State Council has not published yet: only fixed-date holidays are listed */
    provisional: z.boolean().optional(),
    source: z.string().optional(),
    holidays: z.array(z.object({ name: z.string().min(1), dates: z.array(isoDate).min(1) })),
    workdays: z.array(z.object({ name: z.string().min(1), date: isoDate })),
  })
  .superRefine((file, ctx) => {
    const prefix = `${file.year}-`;
    const off = new Set<string>();
    for (const h of file.holidays) {
      for (const d of h.dates) {
        if (!d.startsWith(prefix)) ctx.addIssue({ code: 'custom', message: `节假日“${h.name}”的日期 ${d} 不在 ${file.year} 年` });
        off.add(d);
      }
    }
    for (const w of file.workdays) {
      if (!w.date.startsWith(prefix)) ctx.addIssue({ code: 'custom', message: `调休上班日 ${w.date} 不在 ${file.year} 年` });
      if (off.has(w.date)) ctx.addIssue({ code: 'custom', message: `${w.date} 既是节假日又是调休上班日` });
    }
  });
export type CalendarFile = z.infer<typeof CalendarFile>;

/** Parses one calendar file's text; a bad file is refused with its name and the first problem. */
export function parseCalendarFile(text: string, fileName: string, expectedYear?: number): CalendarFile {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new AppError('UNREADABLE_FILE', `节假日文件“${fileName}”不是有效的 JSON，请检查括号和引号后重试。`, { file: fileName });
  }
  const parsed = CalendarFile.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const where = issue.path.length ? `（位置：${issue.path.join('.')}）` : '';
    throw new AppError('UNREADABLE_FILE', `节假日文件“${fileName}”格式有误：${issue.message}${where}。请按 resources/calendar 中的样例修改。`, { file: fileName });
  }
  if (expectedYear !== undefined && parsed.data.year !== expectedYear) {
    throw new AppError('UNREADABLE_FILE', `节假日文件“${fileName}”写的是 ${parsed.data.year} 年，文件名却是 ${expectedYear} 年，请改正其一。`, { file: fileName });
  }
  return parsed.data;
}
