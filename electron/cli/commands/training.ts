import { existsSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { callOrFail, requireDb, withCore } from '../database-option.ts';
import { CommandError, UsageError, type CliIo } from '../io.ts';

// 培训考核 on the command line:
//   qkl exam create --db FILE --bank BANK.xlsx --title 标题 [--pass-mark 70] [--session ID] [--json]
//       imports the bank and makes an exam on all of it; --json {"examId","bankId","questions","fullMarks","passMark"}
//       (a bank with unreadable questions: exit 1, --json {"examId": null, "errors": [{"row","no","column","code","message"}]})
//   qkl grade --db FILE --exam ID --answers SHEETS.xlsx [--json]
//       {"candidates","passed","results": [{"candidateNo","name","score","passed"}],"errors": […],"warnings": […],"problemSummary": […]}
//       each error and warning is {"row","candidateNo","name","code","message"}; problemSummary groups them by kind
//       ({"code","detail","severity","sheets","count","rows","label","messages"}, roster problems first); exit 0 once the file was read
//   qkl verify-cert --db FILE PAYLOAD [--json]
//       {"status": "genuine"|"expired"|"revoked"|"forged"|"unknown-issuer"|"malformed","message","certificateNo",…}; exit 0 only for genuine

const examUsage = `用法：qkl exam create --db 文件 --bank 题库.xlsx --title 考试名称 [--pass-mark 70] [--session 培训班编号] [--json]`;

function existingFile(value: string | undefined, option: string, example: string): string {
  if (!value) throw new UsageError(`缺少 ${option} 参数，例如 ${option} ${example}`);
  const file = path.resolve(value);
  if (!existsSync(file)) throw new CommandError(`文件不存在：${file}`);
  return file;
}

export async function examCommand(args: string[], io: CliIo): Promise<number> {
  const [action, ...rest] = args;
  if (!action || action === 'help' || action === '--help' || action === '-h') {
    io.out(examUsage);
    return action ? 0 : 2;
  }
  if (action !== 'create') throw new UsageError(`未知的 exam 子命令“${action}”。可用：create`);
  const { values } = parseArgs({
    args: rest,
    options: { db: { type: 'string' }, bank: { type: 'string' }, title: { type: 'string' }, 'pass-mark': { type: 'string' }, session: { type: 'string' }, json: { type: 'boolean' } },
  });
  const bank = existingFile(values.bank, '--bank', '题库.xlsx');
  if (!values.title?.trim()) throw new UsageError('缺少 --title 参数，例如 --title 2026年第一期安全监督员考试');
  const passMark = values['pass-mark'] === undefined ? undefined : Number(values['pass-mark']);
  if (passMark !== undefined && !(passMark >= 0)) throw new UsageError('--pass-mark 应为不小于 0 的数字，例如 --pass-mark 70');
  return withCore(requireDb(values.db, true), async (core) => {
    const imported = await core.call('training.importBank', { source: { kind: 'path', path: bank }, title: `${values.title!.trim()}题库` });
    if (!imported.ok) {
      const errors = (imported.details?.['errors'] as unknown[] | undefined) ?? [];
      if (values.json) io.out(JSON.stringify({ examId: null, errors }));
      else for (const e of errors as Array<{ row: number; message: string }>) io.out(`第 ${e.row} 行：${e.message}`);
      io.err(`错误：${imported.message}`);
      return 1;
    }
    const exam = await callOrFail(core, 'training.createExam', { title: values.title!.trim(), bankId: imported.value.bank.id, passMark, sessionId: values.session });
    if (values.json) io.out(JSON.stringify({ examId: exam.id, bankId: exam.bankId, questions: imported.value.bank.questions, fullMarks: exam.fullMarks, passMark: exam.passMark }));
    else io.out(`已创建考试“${exam.title}”（编号 ${exam.id}）：${imported.value.bank.questions} 题，满分 ${exam.fullMarks}，及格 ${exam.passMark}。`);
    return 0;
  });
}

const ROWS_SHOWN = 20;

export async function gradeCommand(args: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({ args, options: { db: { type: 'string' }, exam: { type: 'string' }, answers: { type: 'string' }, json: { type: 'boolean' } } });
  if (!values.exam) throw new UsageError('缺少 --exam 参数：请指定考试编号（qkl exam create 输出的 examId）');
  const answers = existingFile(values.answers, '--answers', '答题卡.xlsx');
  return withCore(requireDb(values.db, true), async (core) => {
    const report = await callOrFail(core, 'training.grade', { examId: values.exam, source: { kind: 'path', path: answers } });
    if (values.json) {
      io.out(JSON.stringify(report));
      return 0;
    }
    io.out(`阅卷完成：考生 ${report.candidates} 人，合格 ${report.passed} 人。`);
    for (const r of report.results) io.out(`${r.candidateNo}　${r.name}　${r.score} 分　${r.passed ? '合格' : '不合格'}`);
    // by kind with counts, roster problems first, each with its Excel rows (--json has every line)
    for (const g of report.problemSummary) {
      const rows = g.rows.length > ROWS_SHOWN ? `${g.rows.slice(0, ROWS_SHOWN).join('、')} 等` : g.rows.join('、');
      io.out(`${g.severity === 'error' ? '错误' : '提示'}：${g.label}（第 ${rows} 行）`);
    }
    return 0;
  });
}

export async function verifyCertCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { db: { type: 'string' }, json: { type: 'boolean' }, 'as-of': { type: 'string' } } });
  if (positionals.length !== 1) throw new UsageError('请给出证书二维码的内容，例如 qkl verify-cert --db 塘桥.sqlite QKL1.…');
  return withCore(requireDb(values.db, true), async (core) => {
    const result = await callOrFail(core, 'training.verifyCertificate', { payload: positionals[0], asOf: values['as-of'] });
    if (values.json) io.out(JSON.stringify(result));
    else {
      io.out(result.message);
      if (result.certificateNo) io.out(`证书编号：${result.certificateNo}　持证人：${result.holderName}　单位：${result.unitName ?? '—'}　有效期：${result.issueDate} 至 ${result.validUntil}　签发：${result.issuerName ?? result.issuingNode}`);
    }
    return result.status === 'genuine' ? 0 : 1;
  });
}
