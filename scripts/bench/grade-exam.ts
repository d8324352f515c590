// Benchmark: grading 10,000 candidates × 100 questions (issue 7; goal of issue 20: ≤ 1.5× the bare read) — the answer-sheet
// xlsx read, every mark normalised and scored, candidates and results written in one
// transaction — next to a bare prepared-statement insert of the very same result rows
// and a bare streaming read of the same file, in the same run.
//   npx tsx scripts/bench/grade-exam.ts [candidates=10000] [--questions 100] [--runs 1] [--keep]
// Each measurement runs in a fresh child process, so its peak RSS is its own.
// Prints figures; asserts nothing.
import { spawnSync } from 'node:child_process';
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { MAX_COLUMNS } from '../../electron/core/sheets/caps.ts';
import { readXlsx } from '../../electron/core/sheets/xlsx-reader.ts';
import { bankKeys, sampleBank, sampleSheets, streamAnswersXlsx, writeBankXlsx } from '../../electron/core/training/testing/workbooks.ts';
import { openCore } from '../../electron/core/open-core.ts';
import { tempDir } from '../../tests/support/temp.ts';

const self = fileURLToPath(import.meta.url);
const mb = (kb: number) => `${(kb / 1024).toFixed(0)} MB`;
const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

const cpuNow = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};

interface ChildResult {
  ms: number;
  /** user + system CPU of the timed part alone (all threads): the steadier figure when other agents load the machine */
  timedCpuMs: number;
  cpuMs: number;
  maxRssKb: number;
  detail: Record<string, unknown>;
}

async function bareRead(file: string): Promise<Record<string, unknown>> {
  const source = readXlsx(file, MAX_COLUMNS);
  let rows = 0;
  let cells = 0;
  try {
    for await (const sheet of source.sheets) for await (const batch of sheet.batches) for (const row of batch) {
      rows++;
      for (const v of row.cells) if (v !== null) cells++;
    }
  } finally {
    source.close();
  }
  return { rows, cells };
}

async function grade(dir: string, bankFile: string, answers: string): Promise<Record<string, unknown>> {
  const core = openCore({ file: `${dir}/grade.sqlite`, host: 'cli', actor: 'bench' });
  const ok = async (name: Parameters<typeof core.call>[0], input: unknown) => {
    const r = await core.call(name, input);
    if (!r.ok) throw new Error(r.message);
    return r.value as Record<string, unknown> & { id: string };
  };
  try {
    await ok('node.init', { role: 'training', name: '技术服务中心' });
    const { bank } = (await ok('training.importBank', { source: { kind: 'path', path: bankFile }, title: '题库' })) as unknown as { bank: { id: string } };
    const exam = await ok('training.createExam', { title: '基准考试', bankId: bank.id });
    const cpuStarted = cpuNow();
    const started = performance.now();
    const report = (await ok('training.grade', { examId: exam.id, source: { kind: 'path', path: answers } })) as unknown as { candidates: number; passed: number; errors: unknown[]; warnings: unknown[] };
    const gradeMs = performance.now() - started;
    const gradeCpuMs = cpuNow() - cpuStarted;
    const peak = process.resourceUsage().maxRSS;
    // the same rows, for the bare insert
    const sqlite = core.ctx.database.sqlite;
    const dump = Object.fromEntries(['question_banks', 'questions', 'exams', 'exam_candidates', 'exam_results'].map((t) => [t, sqlite.prepare(`SELECT * FROM ${t}`).all()]));
    writeFileSync(`${dir}/rows.json`, JSON.stringify(dump));
    return { gradeMs, gradeCpuMs, peakRssKb: peak, candidates: report.candidates, passed: report.passed, errors: report.errors.length, warnings: report.warnings.length };
  } finally {
    core.close();
  }
}

/** The baseline: the graded rows inserted into a fresh database (same schema and triggers) with raw prepared statements in one transaction. */
function bareInsert(dir: string): Record<string, unknown> {
  const core = openCore({ file: `${dir}/insert.sqlite`, host: 'cli', actor: 'bench' });
  core.close();
  const rows = JSON.parse(readFileSync(`${dir}/rows.json`, 'utf8')) as Record<string, Array<Record<string, unknown>>>;
  const db = new Database(`${dir}/insert.sqlite`);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  // the same node as the graded rows' owner, so the change-log triggers fire here as they do when grading
  db.prepare("INSERT INTO node_identity (id, role, name, district_id, created_at) VALUES (?, 'training', 'bench', NULL, ?)").run(rows['exams']![0]!['origin_node'], new Date().toISOString());
  const insertAll = (table: string) => {
    const list = rows[table]!;
    const columns = Object.keys(list[0]!);
    const statement = db.prepare(`INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`);
    for (const row of list) statement.run(...columns.map((c) => row[c]));
    return list.length;
  };
  db.transaction(() => ['question_banks', 'questions', 'exams'].forEach(insertAll))();
  const cpuStarted = cpuNow();
  const started = performance.now();
  let written = 0;
  db.transaction(() => {
    written += insertAll('exam_candidates');
    written += insertAll('exam_results');
  })();
  const insertMs = performance.now() - started;
  const insertCpuMs = cpuNow() - cpuStarted;
  db.close();
  return { insertMs, insertCpuMs, rows: written, peakRssKb: process.resourceUsage().maxRSS };
}

async function child(kind: string, args: string[]): Promise<void> {
  const cpuStarted = cpuNow();
  const started = performance.now();
  const detail = kind === 'read' ? await bareRead(args[0]!) : kind === 'grade' ? await grade(args[0]!, args[1]!, args[2]!) : bareInsert(args[0]!);
  const ms = kind === 'read' ? performance.now() - started : kind === 'grade' ? (detail['gradeMs'] as number) : (detail['insertMs'] as number);
  const timedCpuMs = kind === 'read' ? cpuNow() - cpuStarted : kind === 'grade' ? (detail['gradeCpuMs'] as number) : (detail['insertCpuMs'] as number);
  const { user, system } = process.cpuUsage();
  const maxRssKb = kind === 'read' ? process.resourceUsage().maxRSS : (detail['peakRssKb'] as number);
  process.stdout.write(`${JSON.stringify({ ms, timedCpuMs, cpuMs: (user + system) / 1000, maxRssKb, detail } satisfies ChildResult)}\n`);
}

function measure(kind: 'read' | 'grade' | 'insert', args: string[]): ChildResult {
  const run = spawnSync(process.execPath, [...process.execArgv, self, '--child', kind, ...args], { encoding: 'utf8', maxBuffer: 1 << 26 });
  if (run.status !== 0) throw new Error(`${kind} failed: ${run.stderr}`);
  return JSON.parse(run.stdout.trim().split('\n').at(-1)!) as ChildResult;
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  if (args[0] === '--child') return child(args[1]!, args.slice(2));
  const option = (name: string, fallback: number) => (args.includes(name) ? Number(args[args.indexOf(name) + 1]) || fallback : fallback);
  const candidates = Number(args.find((a, i) => /^\d+$/.test(a) && !args[i - 1]?.startsWith('--')) ?? 10_000);
  const questions = option('--questions', 100);
  const runs = option('--runs', 1);
  const temp = tempDir('qkl-bench-');
  const bank = sampleBank(questions, 'bench');
  const bankFile = temp.file('bank.xlsx');
  await writeBankXlsx(bankFile, bank);
  const answers = temp.file('answers.xlsx');
  const started = performance.now();
  await streamAnswersXlsx(answers, questions, sampleSheets(candidates, bankKeys(bank)));
  console.log(`answer sheets: ${candidates} candidates × ${questions} questions, ${(statSync(answers).size / 1024 / 1024).toFixed(1)} MB, written in ${s(performance.now() - started)}`);
  const reads: ChildResult[] = [];
  const grades: ChildResult[] = [];
  const inserts: ChildResult[] = [];
  for (let i = 0; i < runs; i++) {
    const dir = tempDir('qkl-bench-run-');
    try {
      reads.push(measure('read', [answers]));
      grades.push(measure('grade', [dir.dir, bankFile, answers]));
      inserts.push(measure('insert', [dir.dir]));
    } finally {
      dir.cleanup();
    }
  }
  for (const [label, list] of [['bare streaming read', reads], ['grade (read+score+write)', grades], ['bare insert (same rows)', inserts]] as const) {
    console.log(`${label.padEnd(25)}: runs ${list.map((r) => s(r.ms)).join(', ')}; CPU of the timed part ${list.map((r) => s(r.timedCpuMs)).join(', ')}; process CPU ${list.map((r) => s(r.cpuMs)).join(', ')}; peak RSS ${list.map((r) => mb(r.maxRssKb)).join(', ')}`);
  }
  const best = (list: ChildResult[]) => list.reduce((a, b) => (b.ms < a.ms ? b : a));
  console.log(`grade detail (best run): ${JSON.stringify(best(grades).detail)}`);
  console.log(`bare insert detail: ${JSON.stringify(best(inserts).detail)}`);
  const median = (list: ChildResult[], of: (r: ChildResult) => number) => {
    const sorted = list.map(of).sort((a, b) => a - b);
    return sorted[Math.floor((sorted.length - 1) / 2)]!;
  };
  console.log(`ratio grade / bare insert: ${(best(grades).ms / best(inserts).ms).toFixed(2)}`);
  // goal (issue 20): grade ≤ 1.5 × the bare read of the same answer sheets
  console.log(
    `ratio grade / bare read: ${(best(grades).ms / best(reads).ms).toFixed(2)} wall (best runs), ${(median(grades, (r) => r.ms) / median(reads, (r) => r.ms)).toFixed(2)} wall (medians), ` +
      `${(median(grades, (r) => r.timedCpuMs) / median(reads, (r) => r.timedCpuMs)).toFixed(2)} CPU of the timed parts (medians) (goal ≤ 1.5)`,
  );
  // not the goal, printed beside it: the least any grading can take is the read plus writing its rows
  const cpuOf = (list: ChildResult[]) => median(list, (r) => r.timedCpuMs);
  console.log(
    `ratio grade / (bare read + bare insert): ${(best(grades).ms / (best(reads).ms + best(inserts).ms)).toFixed(2)} wall (best runs), ` +
      `${(cpuOf(grades) / (cpuOf(reads) + cpuOf(inserts))).toFixed(2)} CPU of the timed parts (medians); the bare insert alone is ${(cpuOf(inserts) / cpuOf(reads)).toFixed(2)}× the read's CPU`,
  );
  console.log(`load average at the end: ${loadavg().map((l) => l.toFixed(2)).join(' ')} (wall times on a shared machine: read the CPU ratios)`);
  if (!args.includes('--keep')) temp.cleanup();
  else console.log(`kept ${temp.dir}`);
}

await main();
