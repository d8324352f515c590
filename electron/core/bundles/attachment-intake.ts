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

/** Files copied at once: one file's writes and sync overlap another's decryption. */
const COPIES = 3;

/**
 * Copies the files the store lacks; returns how many files the bundle carries. Each file
 * this run adds is pushed to `added` before it is written, so the caller removes it if
 * anything fails later, this copy included.
 */
export async function storeNewAttachments(ctx: CoreContext, entries: OpenedEntry[], runDir: string, added: string[]): Promise<number> {
  const files = entries.filter((e) => e.kind === 'file');
  // every name checked before the first file is written
  for (const entry of files) {
    if (entry.name !== entry.sha256) throw new BundleRefusal('entry-hash', `数据包中附件 ${entry.name.slice(0, 12)}… 的内容与其名称不符。`);
  }
  const missing = new Map<string, OpenedEntry>();
  for (const entry of files) if (!missing.has(entry.sha256) && !existsSync(attachmentPath(ctx, entry.sha256))) missing.set(entry.sha256, entry);
  if (missing.size === 0) return files.length;
  // all noted with one sync before the first is written: a crash never leaves an unnoted file
  noteInJournal(runDir, [...missing.keys()]);
  added.push(...missing.keys());
  const queue = [...missing.values()];
  const copier = async () => {
    try {
      for (let entry = queue.shift(); entry; entry = queue.shift()) {
        const target = attachmentPath(ctx, entry.sha256);
        ensurePrivateDir(path.dirname(target));
        await copyOut(entry, `${target}.part`);
        renameSync(`${target}.part`, target);
      }
    } catch (error) {
      queue.length = 0; // the other copiers stop after their current file
      throw error;
    }
  };
  // every copy settled before a failure is passed on: none writes after the caller cleans up
  const results = await Promise.allSettled(Array.from({ length: Math.min(COPIES, queue.length) }, copier));
  const failure = results.find((r) => r.status === 'rejected');
  if (failure) throw failure.reason;
  return files.length;
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

function noteInJournal(runDir: string, sha256s: string[]): void {
  const file = path.join(runDir, JOURNAL);
  appendFileSync(file, sha256s.map((sha) => `${sha}\n`).join(''), { mode: PRIVATE_FILE_MODE });
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
