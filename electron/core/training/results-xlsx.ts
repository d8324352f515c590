import ExcelJS from 'exceljs';
import { XLSX_MIME, type FileOutput } from '../../api/schemas/files.ts';
import type { CoreContext } from '../context.ts';
import { getExam } from './exams.ts';
import { listResults } from './results.ts';
import { examStats } from './stats.ts';

// The exam's results and statistics as one workbook: 成绩 (one row per candidate, ID
// numbers masked), 统计 (pass rate, average, histogram), 试题分析 (difficulty per
// question) and 知识模块 (averages per module). The chart comes later in the UI.

const FONT = '宋体';
const stateLabels = { draft: '未发布', published: '已发布', unlocked: '已解锁' } as const;
const typeLabels = { judge: '判断', single: '单选', multi: '多选' } as const;

function sheetWith(book: ExcelJS.Workbook, name: string, title: string, headers: Array<[string, number]>): ExcelJS.Worksheet {
  const sheet = book.addWorksheet(name);
  sheet.columns = headers.map(([, width]) => ({ width }));
  sheet.mergeCells(1, 1, 1, headers.length);
  const cell = sheet.getCell(1, 1);
  cell.value = title;
  cell.font = { name: FONT, size: 14, bold: true };
  cell.alignment = { horizontal: 'center' };
  const head = sheet.getRow(2);
  headers.forEach(([h], i) => {
    head.getCell(i + 1).value = h;
    head.getCell(i + 1).font = { name: FONT, bold: true };
  });
  sheet.views = [{ state: 'frozen', ySplit: 2 }];
  return sheet;
}

export async function exportResultsXlsx(ctx: CoreContext, examId: string): Promise<FileOutput> {
  const exam = getExam(ctx, examId);
  const results = listResults(ctx, examId);
  const stats = examStats(ctx, examId);
  const book = new ExcelJS.Workbook();
  const scores = sheetWith(book, '成绩', `${exam.title}成绩表`, [
    ['准考证号', 14], ['姓名', 10], ['身份证号', 22], ['单位', 30], ['试卷', 6], ['第几次考试', 10], ['客观题', 10], ['主观题（实操）', 14], ['总分', 8], ['是否合格', 10], ['状态', 8], ['证书编号', 24],
  ]);
  for (const r of results) {
    scores.addRow([r.candidateNo, r.name, r.idNumberMasked, r.unitName, r.variant, r.attempt, r.objectiveScore, r.subjectiveScore, r.total, r.passed ? '合格' : '不合格', stateLabels[r.state], r.certificateNo]);
  }
  const summary = sheetWith(book, '统计', `${exam.title}成绩统计`, [['项目', 20], ['数值', 14], ['', 14]]);
  summary.addRow(['考生人数', stats.candidates]);
  summary.addRow(['合格人数', stats.passed]);
  summary.addRow(['合格率', stats.passRate]).getCell(2).numFmt = '0.0%';
  summary.addRow(['平均分', stats.average]);
  summary.addRow(['满分', stats.fullMarks]);
  summary.addRow(['及格分', exam.passMark]);
  summary.addRow([]);
  summary.addRow(['分数段', '人数']).font = { name: FONT, bold: true };
  stats.histogram.forEach((h, i) => summary.addRow([`${h.from}–${h.to}${i === 9 ? '（含满分）' : ''}`, h.count]));
  const questions = sheetWith(book, '试题分析', `${exam.title}试题分析`, [['题号', 8], ['题型', 8], ['知识模块', 16], ['作答人数', 10], ['答对人数', 10], ['难度（答对率）', 14]]);
  for (const q of stats.questions) questions.addRow([q.no, typeLabels[q.type], q.module, q.answered, q.correct, q.difficulty]).getCell(6).numFmt = '0.0%';
  const modules = sheetWith(book, '知识模块', `${exam.title}知识模块得分`, [['知识模块', 16], ['分值', 10], ['平均得分', 10], ['得分率', 10]]);
  for (const m of stats.modules) modules.addRow([m.module, m.points, m.average, m.share]).getCell(4).numFmt = '0.0%';
  const buffer = Buffer.from(await book.xlsx.writeBuffer());
  return { fileName: `${exam.title}-成绩与统计.xlsx`, mimeType: XLSX_MIME, contentBase64: buffer.toString('base64') };
}
