import path from 'node:path';
import type { ExchangeNode } from '../../../../tests/support/exchange.ts';
import { insertManager, insertUnit } from '../../registry/testing/fixtures.ts';
import { testIdNumber, writeAnswersXlsx, writeBankXlsx, type BankLine, type SheetLine } from './workbooks.ts';

// A small exam on a training node, as the service, CLI and bundle tests need it:
// five questions (judge, single, multi), a session whose roster holds three people.

export const smallBank: BankLine[] = [
  { no: 1, type: '判断', stem: '使用单位应建立特种设备安全技术档案。', answer: '√', points: 20, module: '使用管理' },
  { no: 2, type: '判断', stem: '超期未检的设备可以继续使用。', answer: '错', points: 20, module: '法律法规' },
  { no: 3, type: '单选', stem: '定期检验应在检验有效期届满前多久提出申请？', options: ['一周', '一个月', '三个月'], answer: 'B', points: 20, module: '法律法规' },
  { no: 4, type: '多选', stem: '下列哪些属于安全管理制度？', options: ['岗位责任', '隐患排查', '应急救援', '采购'], answer: 'A、B、C', points: 20, module: '使用管理' },
  { no: 5, type: '单选', stem: '发生事故后应首先？', options: ['报告', '离开', '拍照', '等待'], answer: 'a', points: 20, module: '应急管理' },
];

export const people = [
  { name: '王小明', idNumber: testIdNumber(1), unit: '张家港市塘桥机械有限公司' },
  { name: '李芳', idNumber: testIdNumber(2), unit: '张家港市锦丰钢铁有限公司' },
  { name: '赵强', idNumber: testIdNumber(3), unit: '张家港市南丰化工有限公司' },
];

let n = 0;
export async function bankFile(node: ExchangeNode, lines: BankLine[] = smallBank): Promise<string> {
  const file = path.join(node.dir, `bank-${++n}.xlsx`);
  await writeBankXlsx(file, lines);
  return file;
}

export async function sheetFile(node: ExchangeNode, lines: SheetLine[], count = 5): Promise<string> {
  const file = path.join(node.dir, `answers-${++n}.xlsx`);
  await writeAnswersXlsx(file, lines, count);
  return file;
}

/** A session with the three people on its roster, a bank, and an exam on the whole bank linked to the session. */
export async function examOnTrainingNode(node: ExchangeNode, options: { multiRule?: 'all' | 'partial'; subjectiveMax?: number; title?: string } = {}) {
  const session = await node.ok('training.saveSession', { title: '2026年第一期安全监督员培训', startDate: '2026-11-20', endDate: '2026-11-21', place: '市局三楼会议室', trainers: '张老师、刘老师', hours: 16 });
  const rosterFile = path.join(node.dir, `roster-${++n}.xlsx`);
  const ExcelJS = (await import('exceljs')).default;
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('名单');
  sheet.addRow(['序号', '姓名', '身份证号', '单位名称']);
  people.forEach((p, i) => sheet.addRow([i + 1, p.name, p.idNumber, p.unit]));
  await book.xlsx.writeFile(rosterFile);
  await node.ok('training.importRoster', { sessionId: session.id, source: { kind: 'path', path: rosterFile } });
  const { bank } = await node.ok('training.importBank', { source: { kind: 'path', path: await bankFile(node) }, title: '监督员题库' });
  const exam = await node.ok('training.createExam', { title: options.title ?? '2026年第一期监督员考试', bankId: bank.id, sessionId: session.id, multiRule: options.multiRule, subjectiveMax: options.subjectiveMax ?? 0 });
  return { session, bank, exam };
}

export interface RegisteredManager {
  name: string;
  idNumber: string;
  unit: string;
  /** 作业项目; default A */
  item?: string;
  /** 有效期至; null: not recorded; default 2028-12-31 */
  expiry?: string | null;
}

const towns: Record<string, string> = { 塘桥: 'seed-district-03', 锦丰: 'seed-district-04', 南丰: 'seed-district-05', 乐余: 'seed-district-06' };
/** The seeded district of the town the unit is named after (张家港市锦丰… → 锦丰), else 塘桥. */
const districtOf = (unit: string) => Object.entries(towns).find(([town]) => unit.includes(town))?.[1] ?? 'seed-district-03';

/**
 * The people as safety managers in the node's registry, as a ledger import or a
 * received bundle leaves them: one unit each, item A valid until 2028-12-31 unless said.
 */
export function registerManagers(node: ExchangeNode, list: readonly RegisteredManager[] = people): string[] {
  const sqlite = node.core.ctx.database.sqlite;
  return list.map((p, i) => {
    const unitId = insertUnit(sqlite, { name: p.unit, districtId: districtOf(p.unit) });
    return insertManager(sqlite, unitId, { name: p.name, idNumber: p.idNumber, itemCode: p.item ?? 'A', expiry: p.expiry === undefined ? '2028-12-31' : p.expiry, certificateNo: `TSA${String(i + 1).padStart(5, '0')}` });
  });
}
