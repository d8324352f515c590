import { createWriteStream } from 'node:fs';
import ExcelJS from 'exceljs';
import { normaliseKey, OPTION_LETTERS, type QuestionType } from '../marks.ts';
import { seededRandom } from '../paper.ts';

// Question banks and answer sheets written the way offices make them (exceljs), for
// tests, the CLI tests, the benchmark and the sample-data generator: no binary
// fixtures in the repository.

export interface BankLine {
  no: number | string;
  type: string;
  stem: string;
  options?: string[];
  answer: string;
  points?: number | string;
  module?: string;
}

export const BANK_HEADERS = ['题号', '题型', '题干', ...[...OPTION_LETTERS].map((l) => `选项${l}`), '答案', '分值', '知识模块'];

export async function writeBankXlsx(file: string, lines: BankLine[], title = '特种设备安全监督员考试题库'): Promise<void> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('题库');
  sheet.addRow([title]);
  sheet.addRow(BANK_HEADERS);
  for (const l of lines) {
    const options = [...(l.options ?? []), ...Array(6).fill(null)].slice(0, 6);
    sheet.addRow([l.no, l.type, l.stem, ...options, l.answer, l.points ?? null, l.module ?? null]);
  }
  await book.xlsx.writeFile(file);
}

const MODULES = [
  ['基础知识', 10],
  ['法律法规', 30],
  ['使用管理', 30],
  ['应急管理', 30],
] as const;

/** A bank of n questions over the A exam's four modules in their weights: judge, single and multi in turn. */
export function sampleBank(n: number, seed = 'bank'): BankLine[] {
  const random = seededRandom(seed);
  const lines: BankLine[] = [];
  for (let no = 1; no <= n; no++) {
    const pick = random() * 100;
    let acc = 0;
    const module = MODULES.find(([, w]) => (acc += w) > pick)?.[0] ?? '应急管理';
    const kind = no % 3;
    if (kind === 1) lines.push({ no, type: '判断', stem: `第${no}题：特种设备使用单位应当建立安全技术档案。`, answer: random() < 0.5 ? '对' : '×', points: 1, module });
    else if (kind === 2) lines.push({ no, type: '单选', stem: `第${no}题：定期检验申请应提前多久提出？`, options: ['一周', '一个月', '三个月', '半年'], answer: 'ABCD'[Math.floor(random() * 4)]!, points: 1, module });
    else lines.push({ no, type: '多选', stem: `第${no}题：下列哪些属于安全管理制度？`, options: ['岗位责任', '隐患排查', '应急救援', '节能管理', '采购'], answer: random() < 0.5 ? 'A,C,D' : 'ABE', points: 1, module });
  }
  return lines;
}

export interface SheetLine {
  candidateNo: string;
  name: string;
  idNumber?: string | null;
  variant?: string;
  marks: Array<string | null>;
}

export async function writeAnswersXlsx(file: string, lines: SheetLine[], count: number, withVariant = false): Promise<void> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('答题卡');
  sheet.addRow(['准考证号', '姓名', '身份证号', ...(withVariant ? ['试卷'] : []), ...Array.from({ length: count }, (_, i) => String(i + 1))]);
  for (const l of lines) sheet.addRow([l.candidateNo, l.name, l.idNumber ?? null, ...(withVariant ? [l.variant ?? 'A'] : []), ...l.marks]);
  await book.xlsx.writeFile(file);
}

/** Streams a large sheet (the benchmark's 10,000 × 100) without holding the workbook. */
export async function streamAnswersXlsx(file: string, count: number, rows: Iterable<SheetLine>): Promise<void> {
  const book = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: createWriteStream(file), useSharedStrings: false });
  const sheet = book.addWorksheet('答题卡');
  sheet.addRow(['准考证号', '姓名', '身份证号', ...Array.from({ length: count }, (_, i) => String(i + 1))]).commit();
  for (const l of rows) sheet.addRow([l.candidateNo, l.name, l.idNumber ?? null, ...l.marks]).commit();
  sheet.commit();
  await book.commit();
}

const types: Record<string, QuestionType> = { 判断: 'judge', 单选: 'single', 多选: 'multi' };

/** The normalised keys of a bank written by sampleBank ('T' / 'F' / letters). */
export function bankKeys(lines: BankLine[]): string[] {
  return lines.map((l) => {
    const key = normaliseKey(types[l.type]!, l.answer, l.options?.length ?? 0);
    if (!key.ok) throw new Error(key.message);
    return key.key;
  });
}

/**
 * Answer sheets as people and scanners write them: mostly right, some wrong, 2 % blank,
 * 0.5 % invalid ('Z'), ticks and crosses for 判断, lower case and 、 between letters.
 */
export function* sampleSheets(candidates: number, keys: string[], seed = 'answers'): Generator<SheetLine> {
  const random = seededRandom(seed);
  const judge = ['对', '√', 'T', '错', '×', 'F'];
  for (let i = 0; i < candidates; i++) {
    const marks = keys.map((key) => {
      const r = random();
      if (r < 0.02) return null;
      if (r < 0.025) return 'Z';
      if (key === 'T' || key === 'F') return r < 0.8 ? (key === 'T' ? judge[Math.floor(r * 3)]! : judge[3 + Math.floor(r * 3)]!) : key === 'T' ? '错' : '对';
      if (r < 0.75) return r < 0.4 ? key.toLowerCase().split('').join('、') : key;
      return 'ABCD'[Math.floor(random() * 4)]!;
    });
    yield { candidateNo: `2026${String(i + 1).padStart(6, '0')}`, name: `考生${i + 1}`, idNumber: testIdNumber(i), marks };
  }
}

/** A valid 18-digit ID number (GB 11643 check digit) for person i. */
export function testIdNumber(i: number): string {
  const body = `320582${1970 + (i % 30)}${String((i % 12) + 1).padStart(2, '0')}${String((i % 28) + 1).padStart(2, '0')}${String(i % 1000).padStart(3, '0')}`;
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...body].reduce((n, d, k) => n + Number(d) * weights[k]!, 0);
  return body + '10X98765432'[sum % 11]!;
}
