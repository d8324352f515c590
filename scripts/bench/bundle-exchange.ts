// Benchmark (issues 4, 20): export and import of a bundle with 100,000 pieces of
// equipment and 500 MB of attachments, next to the bare native ChaCha20-Poly1305 of the
// same bytes (64 KiB chunks, file to file: what age's payload needs at the least) and
// the bare SQLite insert of the same rows, measured in the same run. It prints each
// side's throughput, its share of the bare cipher's (goal ≥ 50%) and of its own floor:
// the cipher plus the bare read of the rows (export), the cipher plus the bare insert
// (import). The bare insert is measured twice: into tables with only their primary key,
// and into a fresh database of the real schema (its indexes, search index and triggers),
// which every import pays whatever the bundle code does.
//   npx tsx scripts/bench/bundle-exchange.ts [equipment=100000] [--attachments-mb 500] [--repeat N] [--keep]
//   npx tsx scripts/bench/bundle-exchange.ts 1000000 --snapshot   (or --pieces 1000000)
// --snapshot (city scale, issue 20: a full-snapshot import ≤ 2× the bare insert): no
// attachments unless given, and the ratio of the import to the bare inserts is printed.
//   npx tsx scripts/bench/bundle-exchange.ts 100000 --snapshot --city-pieces 900000
// --city-pieces N: the bureau already holds N pieces from nine other districts (a city of
// ten), and the bare insert into the real schema goes into a copy of that database.
// Each measurement runs in a fresh child process so its peak RSS is its own.
// Prints figures; asserts nothing.
import { spawnSync } from 'node:child_process';
import { closeSync, cpSync, createReadStream, createWriteStream, existsSync, fsyncSync, openSync, readdirSync, rmSync, statSync, writeSync } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { createCipheriv, randomBytes } from 'node:crypto';
import Database from 'better-sqlite3';
import { generateDistrict } from '../sample-data/generate.ts';
import { insertModel } from '../sample-data/insert.ts';
import { CITY_BANDS } from './city-bands.ts';
import { addAttachment, exchangeNode, PASSPHRASE, trustEachOther } from '../../tests/support/exchange.ts';
import { tempDir } from '../../tests/support/temp.ts';

const self = fileURLToPath(import.meta.url);
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

interface ChildResult {
  ms: number;
  /** CPU time (user + system) of the same span: steadier than wall time on a shared, loaded machine */
  cpuMs: number;
  maxRssKb: number;
  detail: Record<string, unknown>;
}

/** The floor for encryption: the same plaintext bytes through Node's ChaCha20-Poly1305 in 64 KiB chunks, file to file. */
async function bareEncrypt(plaintextDir: string, out: string): Promise<Record<string, unknown>> {
  const key = randomBytes(32);
  let bytes = 0;
  let counter = 0;
  const sink = openSync(out, 'w');
  try {
    for (const name of readdirSync(plaintextDir)) {
      for await (const chunk of createReadStream(`${plaintextDir}/${name}`, { highWaterMark: 64 * 1024 }) as AsyncIterable<Buffer>) {
        const nonce = Buffer.alloc(12);
        nonce.writeUIntBE(counter++, 5, 6);
        const cipher = createCipheriv('chacha20-poly1305', key, nonce, { authTagLength: 16 });
        writeSync(sink, cipher.update(chunk));
        cipher.final();
        writeSync(sink, cipher.getAuthTag());
        bytes += chunk.length;
      }
    }
    fsyncSync(sink);
  } finally {
    closeSync(sink);
  }
  return { bytes };
}

/** The floor for the database: the office's rows inserted with prepared statements in one transaction. */
function bareInsert(officeDb: string, target: string): Record<string, unknown> {
  const source = new Database(officeDb, { readonly: true });
  const db = new Database(target);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  const tables = ['units', 'equipment', 'safety_managers'];
  // same columns, with a primary key on id as the real tables have
  for (const t of tables) {
    const columns = (source.prepare(`PRAGMA table_info(${t})`).all() as Array<{ name: string }>).map((c) => (c.name === 'id' ? 'id TEXT PRIMARY KEY' : c.name));
    db.exec(`CREATE TABLE ${t} (${columns.join(', ')})`);
  }
  let rows = 0;
  db.transaction(() => {
    for (const t of tables) {
      const columns = (source.prepare(`PRAGMA table_info(${t})`).all() as Array<{ name: string }>).map((c) => c.name);
      const insert = db.prepare(`INSERT INTO ${t} (${columns.join(',')}) VALUES (${columns.map(() => '?').join(',')})`);
      for (const row of source.prepare(`SELECT * FROM ${t}`).raw().iterate() as IterableIterator<unknown[]>) {
        insert.run(...row);
        rows++;
      }
    }
  })();
  return { rows };
}

/** The same rows into a fresh database of the real schema (migrations, triggers, the core's SQL functions), prepared statements, one transaction. */
async function bareInsertReal(officeDb: string, dir: string): Promise<Record<string, unknown>> {
  const source = new Database(officeDb, { readonly: true });
  // with --city-pieces, real.sqlite is a copy of the filled bureau (exchangeNode reopens it)
  const node = await exchangeNode('bureau', '市局', null, { file: `${dir}/real.sqlite`, dir });
  const db = node.core.ctx.database.sqlite;
  const started = performance.now();
  const cpu = process.cpuUsage();
  let rows = 0;
  db.transaction(() => {
    for (const t of ['units', 'equipment', 'safety_managers']) {
      const columns = (source.prepare(`PRAGMA table_info(${t})`).all() as Array<{ name: string }>).map((c) => c.name);
      const insert = db.prepare(`INSERT INTO ${t} (${columns.join(',')}) VALUES (${columns.map(() => '?').join(',')})`);
      for (const row of source.prepare(`SELECT * FROM ${t}`).raw().iterate() as IterableIterator<unknown[]>) {
        insert.run(...row);
        rows++;
      }
    }
  })();
  const ms = performance.now() - started;
  const cpuMs = cpuSince(cpu);
  node.close();
  source.close();
  return { rows, ms, cpuMs };
}

/** The floor for the snapshot: the office's rows read and written out as JSON lines by SQLite itself (json_object), nothing else. */
function bareRead(officeDb: string): Record<string, unknown> {
  const source = new Database(officeDb, { readonly: true });
  let rows = 0;
  let bytes = 0;
  for (const t of ['units', 'equipment', 'safety_managers']) {
    const columns = (source.prepare(`PRAGMA table_info(${t})`).all() as Array<{ name: string }>).map((c) => `'${c.name}', ${c.name}`);
    for (const line of source.prepare(`SELECT json_object(${columns.join(', ')}) FROM ${t} ORDER BY id`).pluck().iterate() as IterableIterator<string>) {
      bytes += line.length + 1;
      rows++;
    }
  }
  source.close();
  return { rows, bytes };
}

const cpuSince = (start: NodeJS.CpuUsage) => {
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
};

async function child(kind: string, a: string, b: string, c = 'bench.qklb'): Promise<void> {
  const started = performance.now();
  const cpu = process.cpuUsage();
  let detail: Record<string, unknown>;
  if (kind === 'encrypt') detail = await bareEncrypt(a, b);
  else if (kind === 'insert') detail = bareInsert(a, b);
  else if (kind === 'read') detail = bareRead(a);
  else if (kind === 'insert-real') {
    // the node's own setup (migrations, keys) is not part of the insert
    detail = await bareInsertReal(a, b);
    return void process.stdout.write(`${JSON.stringify({ ms: detail['ms'], cpuMs: detail['cpuMs'], maxRssKb: process.resourceUsage().maxRSS, detail })}\n`);
  } else {
    const node = await exchangeNode(kind === 'export' ? 'district' : 'bureau', '', null, { file: a, dir: b });
    const t0 = performance.now();
    const cpu0 = process.cpuUsage();
    detail =
      kind === 'export'
        ? await node.ok('bundles.export', { outFile: `${b}/${c}`, full: true })
        : ((await node.ok('bundles.import', { paths: [`${b}/bench.qklb`] }))[0] as unknown as Record<string, unknown>);
    node.close();
    return void process.stdout.write(`${JSON.stringify({ ms: performance.now() - t0, cpuMs: cpuSince(cpu0), maxRssKb: process.resourceUsage().maxRSS, detail })}\n`);
  }
  process.stdout.write(`${JSON.stringify({ ms: performance.now() - started, cpuMs: cpuSince(cpu), maxRssKb: process.resourceUsage().maxRSS, detail })}\n`);
}

function measure(kind: string, a: string, b: string, ...more: string[]): ChildResult {
  // what the previous step wrote is put on disk first: its writeback would otherwise run during
  // this measurement (the export, measured first, paid for the 500 MB of attachments just stored)
  spawnSync('sync');
  const run = spawnSync(process.execPath, [...process.execArgv, self, '--child', kind, a, b, ...more], { encoding: 'utf8', maxBuffer: 1 << 26, env: { ...process.env, QKL_PASSPHRASE: PASSPHRASE } });
  if (run.status !== 0) throw new Error(`${kind} failed: ${run.stderr}`);
  return JSON.parse(run.stdout.trim().split('\n').at(-1)!) as ChildResult;
}

/** The run of median wall time (the upper one of an even count). */
function median(runs: ChildResult[]): ChildResult {
  return [...runs].sort((x, y) => x.ms - y.ms)[Math.floor(runs.length / 2)]!;
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  if (args[0] === '--child') return child(args[1]!, args[2]!, args[3]!, args[4]);
  const pieces = args.indexOf('--pieces');
  const equipment = Number(pieces >= 0 ? args[pieces + 1] : (args.find((a, i) => /^\d+$/.test(a) && args[i - 1] !== '--attachments-mb' && args[i - 1] !== '--repeat' && args[i - 1] !== '--city-pieces') ?? 100_000));
  const at = args.indexOf('--attachments-mb');
  const snapshotMode = args.includes('--snapshot');
  const attachmentMb = at >= 0 ? Number(args[at + 1]) : snapshotMode ? 0 : 500;

  const officeDir = tempDir('qkl-bench-office-');
  const bureauDir = tempDir('qkl-bench-bureau-');
  const office = await exchangeNode('district', '塘桥分局', 'seed-district-03', { file: officeDir.file('qkl.sqlite'), dir: officeDir.dir });
  const bureau = await exchangeNode('bureau', '市局', null, { file: bureauDir.file('qkl.sqlite'), dir: bureauDir.dir });
  await trustEachOther(office, bureau);
  const cityAt = args.indexOf('--city-pieces');
  const cityPieces = cityAt >= 0 ? Number(args[cityAt + 1]) : 0;
  if (cityPieces > 0) {
    // nine other districts' offices, as their bundles leave them on the bureau (not the office's 03)
    const started = performance.now();
    let filled = 0;
    for (const [i, n] of [1, 2, 4, 5, 6, 7, 8, 9, 10].entries()) {
      const districtId = `seed-district-${String(n).padStart(2, '0')}`;
      const model = generateDistrict({ seed: 20261202 + i, units: Math.round(cityPieces / 9 / 40), equipmentPerUnit: CITY_BANDS, districtName: `第${n}区` });
      insertModel(bureau.core.ctx.database.sqlite, model, { nodeId: `office-${districtId}`, districtId, now: new Date(Date.UTC(2026, 0, 1 + i)) });
      filled += model.equipment.length;
    }
    console.log(`bureau: ${filled} pieces of nine other districts already there (generated and inserted in ${s(performance.now() - started)})`);
  }
  const model = generateDistrict({ seed: 5, units: Math.ceil(equipment / 15) });
  model.equipment.length = Math.min(model.equipment.length, equipment);
  const present = new Set(model.equipment.map((e) => e.unitIndex));
  model.managers = model.managers.filter((m) => present.has(m.unitIndex));
  const inserted = insertModel(office.core.ctx.database.sqlite, model, { nodeId: office.id, districtId: 'seed-district-03' });
  // incompressible scans of 10 MB each, as photographed certificates are
  for (let i = 0; i < Math.ceil(attachmentMb / 10); i++) addAttachment(office, randomBytes(10 * 1024 * 1024), `扫描件-${i}.pdf`);
  office.close();
  bureau.close();
  console.log(`office: ${inserted.units} units, ${inserted.equipment} equipment, ${inserted.managers} managers, ${attachmentMb} MB of attachments`);

  const exp1 = measure('export', officeDir.file('qkl.sqlite'), officeDir.dir);
  const bundleSize = statSync(officeDir.file('bench.qklb')).size;
  // the bare-encryption input: the same attachment bytes plus the tables as NDJSON
  const plain = tempDir('qkl-bench-plain-');
  const rowsDb = new Database(officeDir.file('qkl.sqlite'), { readonly: true });
  // streamed: a million rows joined into one string would pass V8's string limit
  const rowsFd = openSync(plain.file('rows.ndjson'), 'w');
  for (const t of ['units', 'equipment', 'safety_managers']) {
    let text = '';
    for (const r of rowsDb.prepare(`SELECT * FROM ${t}`).iterate()) {
      text += `${JSON.stringify(r)}\n`;
      if (text.length < 1 << 20) continue;
      writeSync(rowsFd, text);
      text = '';
    }
    writeSync(rowsFd, text);
  }
  closeSync(rowsFd);
  rowsDb.close();
  const stored = `${officeDir.dir}/attachments`;
  for (const name of existsSync(stored) ? readdirSync(stored) : []) for (const f of readdirSync(`${officeDir.dir}/attachments/${name}`)) {
    await pipeline(createReadStream(`${officeDir.dir}/attachments/${name}/${f}`), createWriteStream(plain.file(f)));
  }
  // written outside the folder it reads: the cipher must not read its own output
  const bare = tempDir('qkl-bench-bare-');
  const enc1 = measure('encrypt', plain.dir, bare.file('out.age'));
  // --repeat N: the export and the bare cipher again, in turn, N − 1 more times (the machine is
  // shared: one pair can land on a quiet or a busy moment); the lines below use the medians
  const repeatAt = args.indexOf('--repeat');
  const repeat = repeatAt >= 0 ? Math.max(1, Number(args[repeatAt + 1]) || 1) : 1;
  const exps = [exp1];
  const encs = [enc1];
  for (let i = 1; i < repeat; i++) {
    // a bundle of its own: bench.qklb (sequence 1) is the one the bureau imports
    exps.push(measure('export', officeDir.file('qkl.sqlite'), officeDir.dir, `bench-${i}.qklb`));
    rmSync(officeDir.file(`bench-${i}.qklb`));
    encs.push(measure('encrypt', plain.dir, bare.file('out.age')));
  }
  const exp = median(exps);
  const enc = median(encs);
  if (repeat > 1) {
    const shares = exps.map((e, i) => (encs[i]!.ms / e.ms) * 100);
    console.log(`export / bare cipher, ${repeat} pairs in turn: ${shares.map((p) => `${p.toFixed(0)}%`).join(', ')}; medians ${s(exp.ms)} / ${s(enc.ms)}`);
  }
  if (args.includes('--keep')) cpSync(bureauDir.dir, `${bureauDir.dir}-pristine`, { recursive: true });
  // the bare insert into the real schema starts from the same filled bureau the import starts from
  const pristineBureau = cityPieces > 0 ? bureauDir.file('pristine.sqlite') : null;
  if (pristineBureau) cpSync(bureauDir.file('qkl.sqlite'), pristineBureau);
  const imp = measure('import', bureauDir.file('qkl.sqlite'), officeDir.dir);
  const ins = measure('insert', officeDir.file('qkl.sqlite'), bare.file('bare.sqlite'));
  const real = tempDir('qkl-bench-real-');
  if (cityPieces > 0) cpSync(pristineBureau!, real.file('real.sqlite'));
  const insReal = measure('insert-real', officeDir.file('qkl.sqlite'), real.dir);
  const read = measure('read', officeDir.file('qkl.sqlite'), '');

  const rate = (bytes: number, ms: number) => `${((bytes / 1024 / 1024) / (ms / 1000)).toFixed(0)} MB/s`;
  const plainBytes = Number(enc.detail['bytes']);
  const pct = (floorMs: number, ms: number) => `${((floorMs / ms) * 100).toFixed(0)}%`;
  const rss = (r: ChildResult) => `peak RSS ${mb(r.maxRssKb * 1024)}`;
  const floorExport = enc.ms + read.ms;
  const floorImport = enc.ms + ins.ms;
  const floorImportReal = enc.ms + insReal.ms;
  console.log(`bundle: ${mb(bundleSize)}; plaintext (rows as JSON lines + attachments): ${mb(plainBytes)}`);
  console.log(`bare native ChaCha20, same bytes: ${s(enc.ms)}  ${rate(plainBytes, enc.ms)}  ${rss(enc)}`);
  console.log(`bare SQLite read as JSON lines  : ${s(read.ms)}  ${rss(read)}`);
  console.log(`bare SQLite insert, PK only     : ${s(ins.ms)}  ${Number(ins.detail['rows'])} rows  ${rss(ins)}`);
  console.log(`bare insert, real schema        : ${s(insReal.ms)}  ${Number(insReal.detail['rows'])} rows (indexes, search index, triggers)  ${rss(insReal)}`);
  console.log(`floors: export = cipher + read ${s(floorExport)}; import = cipher + insert ${s(floorImport)}, with the real schema ${s(floorImportReal)}`);
  console.log(
    `export (snapshot+gzip+sign+age) : ${s(exp.ms)}  ${rate(plainBytes, exp.ms)}  ${pct(enc.ms, exp.ms)} of the bare cipher (goal ≥ 50%), ${pct(floorExport, exp.ms)} of its floor  ${rss(exp)}`,
  );
  console.log(
    `import (decrypt+verify+merge)   : ${s(imp.ms)}  ${rate(plainBytes, imp.ms)}  ${pct(enc.ms, imp.ms)} of the bare cipher (goal ≥ 50%), ${pct(floorImport, imp.ms)} of its floor, ${pct(floorImportReal, imp.ms)} of it with the real schema  ${rss(imp)}`,
  );
  console.log(`best share of the cipher reachable: export ${pct(enc.ms, floorExport)}, import ${pct(enc.ms, floorImport)} (${pct(enc.ms, floorImportReal)} with the real schema)`);
  const changes = imp.detail['changes'] as Record<string, { inserted: number; updated: number }> | undefined;
  const merged = Object.entries(changes ?? {}).filter(([, c]) => c.inserted + c.updated > 0).map(([t, c]) => `${t} ${c.inserted + c.updated}`);
  console.log(`import status ${String(imp.detail['status'])}: ${merged.join(', ')}`);
  if (snapshotMode) {
    console.log(`full-snapshot import / bare insert (goal ≤ 2): ${(imp.ms / ins.ms).toFixed(2)} (PK-only tables), ${(imp.ms / insReal.ms).toFixed(2)} (real schema)`);
    console.log(`the same in CPU time: ${(imp.cpuMs / ins.cpuMs).toFixed(2)} (PK-only tables), ${(imp.cpuMs / insReal.cpuMs).toFixed(2)} (real schema)`);
  }
  const cpuPct = (floorMs: number, ms: number) => `${((floorMs / ms) * 100).toFixed(0)}%`;
  console.log(
    `CPU time: cipher ${s(enc.cpuMs)}, read ${s(read.cpuMs)}, insert ${s(ins.cpuMs)}, real-schema insert ${s(insReal.cpuMs)}; ` +
      `export ${s(exp.cpuMs)} (${cpuPct(enc.cpuMs, exp.cpuMs)} of the cipher's, ${cpuPct(enc.cpuMs + read.cpuMs, exp.cpuMs)} of its floor's), ` +
      `import ${s(imp.cpuMs)} (${cpuPct(enc.cpuMs, imp.cpuMs)} of the cipher's, ${cpuPct(enc.cpuMs + insReal.cpuMs, imp.cpuMs)} of cipher + real-schema insert)`,
  );
  console.log(`load average at the end: ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);
  if (args.includes('--keep')) console.log(`kept ${officeDir.dir} ${bureauDir.dir}`);
  else [officeDir, bureauDir, plain, bare, real].forEach((t) => t.cleanup());
}

await main();
