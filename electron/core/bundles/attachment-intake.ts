import { appendFileSync, closeSync, existsSync, fsyncSync, openSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import type Database from 'better-sqlite3';
import type { CoreContext } from '../context.ts';
import { readSealed } from '../files/sealed-file.ts';
import { ensurePrivateDir, PRIVATE_FILE_MODE } from '../files/private-files.ts';
import { BundleRefusal, type OpenedEntry } from './format/types.ts';
import { attachmentPath } from '../attachments/store.ts';

// Attachment files of an import reach the attachment store (attachments/store.ts) only after every
// check of the bundle, and only those the store lacks. Each is noted in the run's
// journal before it is written: if the merge then refuses the bundle they are
// removed at once, and if the process dies first, the sweep at the next open
// removes every noted file that no attachment row names.

const JOURNAL = 'attachments.new';

/** Copies the files the store lacks; returns how many files the bundle carries and which were added. */
export async function storeNewAttachments(ctx: CoreContext, entries: OpenedEntry[], runDir: string): Promise<{ files: number; added: string[] }> {
  const added: string[] = [];
  let files = 0;
  for (const entry of entries.filter((e) => e.kind === 'file')) {
    if (entry.name !== entry.sha256) throw new BundleRefusal('entry-hash', `数据包中附件 ${entry.name.slice(0, 12)}… 的内容与其名称不符。`);
    files++;
    const target = attachmentPath(ctx, entry.sha256);
    if (existsSync(target)) continue;
    noteInJournal(runDir, entry.sha256);
    added.push(entry.sha256);
    ensurePrivateDir(path.dirname(target));
    await copyOut(entry, `${target}.part`);
    renameSync(`${target}.part`, target);
  }
  return { files, added };
}

/** Removes files this import added that no attachment row names (after a refusal or a crash). */
export function removeUnreferenced(ctx: CoreContext, sha256s: Iterable<string>): void {
  const named = referenceCheck(ctx.database.sqlite);
  for (const sha of sha256s) {
    if (!/^[0-9a-f]{64}$/.test(sha) || named(sha)) continue;
    const target = attachmentPath(ctx, sha);
    rmSync(`${target}.part`, { force: true });
    rmSync(target, { force: true });
  }
}

/** The journal of a run that is over: what it may have left in the store. */
export function journalOf(runDir: string): string[] {
  try {
    return readFileSync(path.join(runDir, JOURNAL), 'utf8').split('\n').filter(Boolean);
  } catch {
    return [];
  }
}

function referenceCheck(sqlite: Database.Database): (sha: string) => boolean {
  const statement = sqlite.prepare('SELECT 1 FROM attachments WHERE sha256 = ? LIMIT 1');
  return (sha) => statement.get(sha) !== undefined;
}

function noteInJournal(runDir: string, sha256: string): void {
  const file = path.join(runDir, JOURNAL);
  appendFileSync(file, `${sha256}\n`, { mode: PRIVATE_FILE_MODE });
  // on disk before the file it names exists, so a crash never leaves an unnoted file
  const fd = openSync(file, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** The sealed entry's bytes (authenticated chunk by chunk, so exactly the hashed ones) into the store, about 1 MiB a write. */
async function copyOut(entry: OpenedEntry, target: string): Promise<void> {
  const fh = await open(target, 'w', PRIVATE_FILE_MODE);
  try {
    let batch: Buffer[] = [];
    let batched = 0;
    for await (const chunk of readSealed(entry.sealed)) {
      batch.push(chunk);
      batched += chunk.length;
      if (batched < WRITE_BATCH) continue;
      await writeAll(fh, batch);
      batch = [];
      batched = 0;
    }
    await writeAll(fh, batch);
    await fh.sync();
  } finally {
    await fh.close();
  }
}

const WRITE_BATCH = 1 << 20;

async function writeAll(fh: FileHandle, pieces: Buffer[]): Promise<void> {
  for (let rest = pieces; rest.length > 0; ) {
    let { bytesWritten } = await fh.writev(rest);
    // a short write: drop what went down and write the rest
    while (rest.length > 0 && bytesWritten >= rest[0]!.length) bytesWritten -= rest.shift()!.length;
    if (bytesWritten > 0) rest = [rest[0]!.subarray(bytesWritten), ...rest.slice(1)];
  }
}
