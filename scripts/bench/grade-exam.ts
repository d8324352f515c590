// Benchmark: grading 10,000 candidates × 100 questions (issue 7; goal of issue 20: ≤ 1.5× the bare read) — the answer-sheet
// xlsx read, every mark normalised and scored, candidates and results written in one
// transaction — next to a bare prepared-statement insert of the very same result rows
// and a bare streaming read of the same file, in the same run. Added lines (issue 20): the same rows inserted
// with the change log written in bulk (as grading writes it), without a change log, and without the secondary
// indexes too — where the bare insert's time goes — and the time spent in garbage collection.
//   npx tsx scripts/bench/grade-exam.ts [candidates=10000] [--questions 100] [--runs 1] [--keep]
// Each measurement runs in a fresh child process, so its peak RSS is its own.
// Prints figures; asserts nothing.
import { spawnSync } from 'node:child_process';
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { PerformanceObserver } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { MAX_COLUMNS } from '../../electron/core/sheets/caps.ts';
import { readXlsx } from '../../electron/core/sheets/xlsx-reader.ts';
import { bankKeys, sampleBank, sampleSheets, streamAnswersXlsx, writeBankXlsx } from '../../electron/core/training/testing/workbooks.ts';
import { insertWithBulkChangeLog } from '../../electron/core/bundles/bulk-change-log.ts';
import { openCore } from '../../electron/core/open-core.ts';
import { displayText, normHeader } from '../../electron/core/sheets/cells.ts';
import type { RawRow } from '../../electron/core/sheets/types.ts';
import { candidateReader } from '../../electron/core/training/answer-sheet.ts';
import { loadExamRow, paperQuestions } from '../../electron/core/training/exams.ts';
import { gradeSheetForStore } from '../../electron/core/training/grade-sheet.ts';
import { streamTable, type TableHead } from '../../electron/core/training/sheet-table.ts';
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

/** Time spent in garbage collection (pauses on this thread) from now until stop(). */
function gcTimer(): { stop(): Promise<number> } {
  let ms = 0;
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) ms += entry.duration;
  });
  observer.observe({ entryTypes: ['gc'] });
  return {
    // the observer is told of collections asynchronously: one turn of the event loop lets the last ones in
    stop: () => new Promise((resolve) => setImmediate(() => (observer.disconnect(), resolve(ms)))),
  };
}

async function bareRead(file: string): Promise<Record<string, unknown>> {
  const gc = gcTimer();
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
  return { rows, cells, gcMs: Math.round(await gc.stop()) };
}

/** A training node on a fresh file with the bank imported and an exam set on it; the caller closes the core. */
async function examNode(file: string, bankFile: string) {
  const core = openCore({ file, host: 'cli', actor: 'bench' });
  const ok = async (name: Parameters<typeof core.call>[0], input: unknown) => {
    const r = await core.call(name, input);
    if (!r.ok) throw new Error(r.message);
    return r.value as Record<string, unknown> & { id: string };
  };
  try {
    await ok('node.init', { role: 'training', name: '技术服务中心' });
    const { bank } = (await ok('training.importBank', { source: { kind: 'path', path: bankFile }, title: '题库' })) as unknown as { bank: { id: string } };
    const exam = await ok('training.createExam', { title: '基准考试', bankId: bank.id });
    return { core, ok, examId: exam.id };
  } catch (error) {
    core.close();
    throw error;
  }
}

async function grade(dir: string, bankFile: string, answers: string): Promise<Record<string, unknown>> {
  const { core, ok, examId } = await examNode(`${dir}/grade.sqlite`, bankFile);
  try {
    const gc = gcTimer();
    const cpuStarted = cpuNow();
    const started = performance.now();
    const report = (await ok('training.grade', { examId, source: { kind: 'path', path: answers } })) as unknown as { candidates: number; passed: number; errors: unknown[]; warnings: unknown[] };
    const gradeMs = performance.now() - started;
    const gradeCpuMs = cpuNow() - cpuStarted;
    const gcMs = await gc.stop();
    const peak = process.resourceUsage().maxRSS;
    // the same rows, for the bare insert
    const sqlite = core.ctx.database.sqlite;
    const dump = Object.fromEntries(['question_banks', 'questions', 'exams', 'exam_candidates', 'exam_results'].map((t) => [t, sqlite.prepare(`SELECT * FROM ${t}`).all()]));
    writeFileSync(`${dir}/rows.json`, JSON.stringify(dump));
    return { gradeMs, gradeCpuMs, gcMs: Math.round(gcMs), peakRssKb: peak, candidates: report.candidates, passed: report.passed, errors: report.errors.length, warnings: report.warnings.length };
  } finally {
    core.close();
  }
}

/**
 * How the result rows are written in a baseline insert. `triggers` is the baseline the ratios have always used: the
 * change-log insert trigger fires per row. The others say where that insert's time goes: `bulk-log` writes the same
 * change-log lines with one statement per chunk (insertWithBulkChangeLog, as grading writes them); `no-log` writes
 * no change log at all, and `no-log-no-index` also lacks the tables' secondary indexes (each keeps its primary key
 * and its unique live index). The last two are not a floor any correct grading can reach: they say what the log and
 * the indexes cost.
 */
type InsertKind = 'triggers' | 'bulk-log' | 'no-log' | 'no-log-no-index';
const insertKinds: readonly InsertKind[] = ['triggers', 'bulk-log', 'no-log', 'no-log-no-index'];
const SECONDARY_INDEXES = ['exam_candidates_id_number', 'exam_candidates_updated', 'exam_results_exam', 'exam_results_updated'];

/** The baseline: the graded rows inserted into a fresh database (same schema and triggers) with raw prepared statements in one transaction. */
function bareInsert(dir: string, kind: InsertKind = 'triggers'): Record<string, unknown> {
  const file = `${dir}/insert-${kind}.sqlite`;
  const core = openCore({ file, host: 'cli', actor: 'bench' });
  core.close();
  const rows = JSON.parse(readFileSync(`${dir}/rows.json`, 'utf8')) as Record<string, Array<Record<string, unknown>>>;
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  // the same node as the graded rows' owner, so the change-log triggers fire here as they do when grading
  db.prepare("INSERT INTO node_identity (id, role, name, district_id, created_at) VALUES (?, 'training', 'bench', NULL, ?)").run(rows['exams']![0]!['origin_node'], new Date().toISOString());
  const insertAll = (table: string) => {
    const list = rows[table]!;
    const columns = Object.keys(list[0]!);
    const statement = db.prepare(`INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`);
    const run = () => {
      for (const row of list) statement.run(...columns.map((c) => row[c]));
    };
    if (kind === 'bulk-log') insertWithBulkChangeLog(db, table, list.map((r) => r['id'] as string), run);
    else run();
    return list.length;
  };
  db.transaction(() => ['question_banks', 'questions', 'exams'].forEach(insertAll))();
  if (kind === 'no-log' || kind === 'no-log-no-index') for (const table of ['exam_candidates', 'exam_results']) db.exec(`DROP TRIGGER \`${table}_sync_insert\``);
  if (kind === 'no-log-no-index') for (const index of SECONDARY_INDEXES) db.exec(`DROP INDEX \`${index}\``);
  const cpuStarted = cpuNow();
  const started = performance.now();
  let written = 0;
  db.transaction(() => {
    written += insertAll('exam_candidates');
    written += insertAll('exam_results');
  })();
  const insertMs = performance.now() - started;
  const insertCpuMs = cpuNow() - cpuStarted;
  const logLines = db.prepare<[], number>("SELECT count(*) FROM sync_changes WHERE table_name IN ('exam_candidates', 'exam_results')").pluck().get();
  db.close();
  return { kind, insertMs, insertCpuMs, rows: written, logLines, peakRssKb: process.resourceUsage().maxRSS };
}

/**
 * Whether grading would gain from reading in a worker thread (issue 20, idea b), measured rather than guessed: the
 * read and the scoring of grading (no write) once as grading does them, on one thread, and once with the xlsx
 * parsed in a worker thread (grade-exam-read-thread.ts) while this thread scores the rows it is sent. The timed
 * part of the threaded run includes starting the worker (here through tsx, which compiles the reader's sources in
 * it: more than a bundled build would pay). CPU is the whole process's, so both threads.
 */
async function readAndScore(dir: string, bankFile: string, answers: string, mode: 'one-thread' | 'worker'): Promise<Record<string, unknown>> {
  const { core, examId } = await examNode(`${dir}/score-${mode}.sqlite`, bankFile);
  try {
    const exam = loadExamRow(core.ctx, examId);
    const gc = gcTimer();
    const cpuStarted = cpuNow();
    const started = performance.now();
    const papers = paperQuestions(core.ctx, exam);
    const count = papers.get('A')!.length;
    const errors: Parameters<typeof candidateReader>[3] = [];
    const kept: string[] = [];
    // the worker's start (module loading) and first chunk, beside the whole
    let firstBatchMs: number | undefined;
    const start = (head: TableHead) => {
      const read = candidateReader(head, count, [...papers.keys()], errors);
      return (row: RawRow) => {
        const sheet = read(row);
        if (sheet) kept.push(gradeSheetForStore(papers.get(sheet.variant)!, sheet.cells, exam.multiRule, sheet.markColumns).stored);
      };
    };
    if (mode === 'one-thread') await streamTable(answers, 'answers.xlsx', '准考证号', '答题卡', start);
    else {
      const key = normHeader('准考证号');
      let take: ((row: RawRow) => void) | null = null;
      const workerStarted = performance.now();
      const worker = new Worker(new URL('../../electron/core-host/dev-worker.mjs', import.meta.url), {
        workerData: { entry: new URL('./grade-exam-read-thread.ts', import.meta.url).href, file: answers },
      });
      try {
        await new Promise<void>((resolve, reject) => {
          worker.on('error', reject);
          worker.on('message', (batch: RawRow[] | null) => {
            if (batch === null) return resolve();
            firstBatchMs ??= performance.now() - workerStarted;
            worker.postMessage(1);
            for (const row of batch) {
              if (take) take(row);
              else if (row.cells.some((c) => normHeader(displayText(c)) === key)) {
                const headers = row.cells.map((c) => displayText(c).trim());
                take = start({ fileName: 'answers.xlsx', headerRow: row.number, headers, columns: new Map(headers.map((h, i) => [normHeader(h), i] as const).reverse()) });
              }
            }
          });
        });
      } finally {
        await worker.terminate();
      }
    }
    const ms = performance.now() - started;
    const cpuMs = cpuNow() - cpuStarted;
    return { mode, scoreMs: ms, scoreCpuMs: cpuMs, gcMs: Math.round(await gc.stop()), firstBatchMs, sheets: kept.length, errors: errors.length, peakRssKb: process.resourceUsage().maxRSS };
  } finally {
    core.close();
  }
}

async function child(kind: string, args: string[]): Promise<void> {
  const cpuStarted = cpuNow();
  const started = performance.now();
  const detail =
    kind === 'read' ? await bareRead(args[0]!)
    : kind === 'grade' ? await grade(args[0]!, args[1]!, args[2]!)
    : kind === 'score' ? await readAndScore(args[0]!, args[1]!, args[2]!, args[3] as 'one-thread' | 'worker')
    : bareInsert(args[0]!, (args[1] as InsertKind | undefined) ?? 'triggers');
  const ms = kind === 'read' ? performance.now() - started : kind === 'grade' ? (detail['gradeMs'] as number) : kind === 'score' ? (detail['scoreMs'] as number) : (detail['insertMs'] as number);
  const timedCpuMs = kind === 'read' ? cpuNow() - cpuStarted : kind === 'grade' ? (detail['gradeCpuMs'] as number) : kind === 'score' ? (detail['scoreCpuMs'] as number) : (detail['insertCpuMs'] as number);
  const { user, system } = process.cpuUsage();
  const maxRssKb = kind === 'read' ? process.resourceUsage().maxRSS : (detail['peakRssKb'] as number);
  process.stdout.write(`${JSON.stringify({ ms, timedCpuMs, cpuMs: (user + system) / 1000, maxRssKb, detail } satisfies ChildResult)}\n`);
}

function measure(kind: 'read' | 'grade' | 'insert' | 'score', args: string[]): ChildResult {
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
  // where the bare insert goes, by kind (inserts above are the `triggers` kind)
  const scores = { 'one-thread': [] as ChildResult[], worker: [] as ChildResult[] };
  const insertsBy = new Map<InsertKind, ChildResult[]>(insertKinds.filter((k) => k !== 'triggers').map((k) => [k, []]));
  for (let i = 0; i < runs; i++) {
    const dir = tempDir('qkl-bench-run-');
    try {
      reads.push(measure('read', [answers]));
      grades.push(measure('grade', [dir.dir, bankFile, answers]));
      inserts.push(measure('insert', [dir.dir]));
      for (const [kind, list] of insertsBy) list.push(measure('insert', [dir.dir, kind]));
      for (const [mode, list] of Object.entries(scores)) list.push(measure('score', [dir.dir, bankFile, answers, mode]));
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
  // added lines (issue 20): where the bare insert's time goes, and the floor with the change log as grading writes it
  const insertLabels: Record<InsertKind, string> = {
    triggers: 'change-log trigger per row (the baseline above)',
    'bulk-log': 'change log in bulk (as grading writes it)',
    'no-log': 'no change log',
    'no-log-no-index': 'no change log, no secondary indexes',
  };
  for (const [kind, list] of insertsBy) {
    console.log(`bare insert, ${insertLabels[kind].padEnd(36)}: runs ${list.map((r) => s(r.ms)).join(', ')}; CPU of the timed part ${list.map((r) => s(r.timedCpuMs)).join(', ')} (${(cpuOf(list) / cpuOf(inserts)).toFixed(2)}× the baseline insert's CPU, medians)`);
  }
  const bulk = insertsBy.get('bulk-log')!;
  console.log(
    `ratio grade / (bare read + bare insert with the change log in bulk): ${(best(grades).ms / (best(reads).ms + best(bulk).ms)).toFixed(2)} wall (best runs), ` +
      `${(cpuOf(grades) / (cpuOf(reads) + cpuOf(bulk))).toFixed(2)} CPU of the timed parts (medians); that insert alone is ${(cpuOf(bulk) / cpuOf(reads)).toFixed(2)}× the read's CPU`,
  );
  console.log(`garbage collection in the timed part (medians): bare read ${median(reads, (r) => Number(r.detail['gcMs'])).toFixed(0)} ms, grade ${median(grades, (r) => Number(r.detail['gcMs'])).toFixed(0)} ms`);
  for (const [mode, list] of Object.entries(scores)) {
    const label = mode === 'worker' ? 'parse in a worker thread' : 'one thread, as grading reads';
    console.log(
      `read + score, no write, ${label.padEnd(28)}: runs ${list.map((r) => s(r.ms)).join(', ')}; CPU of the timed part ${list.map((r) => s(r.timedCpuMs)).join(', ')}; ` +
        `${(median(list, (r) => r.ms) / median(reads, (r) => r.ms)).toFixed(2)}× the bare read wall, ${(cpuOf(list) / cpuOf(reads)).toFixed(2)}× CPU (medians)`,
    );
  }
  console.log(`load average at the end: ${loadavg().map((l) => l.toFixed(2)).join(' ')} (wall times on a shared machine: read the CPU ratios)`);
  if (!args.includes('--keep')) temp.cleanup();
  else console.log(`kept ${temp.dir}`);
}

await main();
