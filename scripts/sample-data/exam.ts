// Sample 培训考核 files: a question bank and answer sheets in the formats the README
// documents, for trying the CLI or the UI by hand.
//   npx tsx scripts/sample-data/exam.ts --out DIR [--questions 100] [--candidates 50] [--seed 1]
// Writes DIR/题库.xlsx and DIR/答题卡.xlsx; the sheets hold marks as people write them
// (ticks, lower case, 、 between letters, 2 % blank, 0.5 % invalid 'Z').
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { bankKeys, sampleBank, sampleSheets, streamAnswersXlsx, writeBankXlsx } from '../../electron/core/training/testing/workbooks.ts';

const { values } = parseArgs({ options: { out: { type: 'string' }, questions: { type: 'string', default: '100' }, candidates: { type: 'string', default: '50' }, seed: { type: 'string', default: '1' } } });
if (!values.out) {
  console.error('用法：npx tsx scripts/sample-data/exam.ts --out 文件夹 [--questions 100] [--candidates 50] [--seed 1]');
  process.exit(2);
}
const out = path.resolve(values.out);
mkdirSync(out, { recursive: true });
const bank = sampleBank(Number(values.questions), `bank-${values.seed}`);
await writeBankXlsx(path.join(out, '题库.xlsx'), bank);
await streamAnswersXlsx(path.join(out, '答题卡.xlsx'), bank.length, sampleSheets(Number(values.candidates), bankKeys(bank), `answers-${values.seed}`));
console.log(`已写入 ${path.join(out, '题库.xlsx')}（${bank.length} 题）和 ${path.join(out, '答题卡.xlsx')}（${values.candidates} 名考生）`);
