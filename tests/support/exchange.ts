import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { CallName, CallOutput } from '../../electron/api/contract.ts';
import type { NodeRole } from '../../electron/api/schemas/node.ts';
import type { EntrySource } from '../../electron/core/bundles/format/types.ts';
import { writeBundle } from '../../electron/core/bundles/format/writer.ts';
import { attachmentPath } from '../../electron/core/attachments/store.ts';
import { syncedTables } from '../../electron/core/bundles/sync-tables.ts';
import { newId } from '../../electron/core/ids.ts';
import { loadSigner } from '../../electron/core/keys/keys.ts';
import { openCore, type OpenedCore } from '../../electron/core/open-core.ts';
import { tempDir } from './temp.ts';

export const PASSPHRASE = 'correct horse battery staple';
/** cheap sealing for test keys: the real cost (2^17) is covered by key-protection.test.ts */
export const TEST_SCRYPT_N = 2 ** 12;

export interface ExchangeNode {
  core: OpenedCore;
  file: string;
  dir: string;
  id: string;
  ok<K extends CallName>(name: K, input: unknown): Promise<CallOutput<K>>;
  /** the refusal's code and message, failing the test if the call succeeded */
  refused(name: CallName, input: unknown): Promise<{ code: string; message: string }>;
  close(): void;
  cleanup(): void;
}

/** A real core on a real SQLite file, initialised with keys sealed by PASSPHRASE (as the CLI does). */
export async function exchangeNode(
  role: NodeRole,
  name: string,
  districtId: string | null = null,
  existing?: { file: string; dir: string },
  /** the node's clock (tests of due dates); the real one by default */
  now?: () => Date,
): Promise<ExchangeNode> {
  const temp = existing ? { dir: existing.dir, file: (n: string) => path.join(existing.dir, n), cleanup: () => {} } : tempDir();
  const file = existing?.file ?? temp.file('qkl.sqlite');
  const core = openCore({ file, host: 'test', actor: 'tester', now, keyAccess: { safeStorage: null, passphrase: PASSPHRASE, scryptN: TEST_SCRYPT_N } });
  const ok = async <K extends CallName>(call: K, input: unknown) => {
    const result = await core.call(call, input);
    if (!result.ok) throw new Error(`${call} refused: ${result.code} ${result.message}`);
    return result.value;
  };
  // a folder given by the caller may hold a database already (reopening after a crash)
  const identity = (await ok('node.get', {})) ?? (await ok('node.init', { role, name, districtId }));
  return {
    core,
    file,
    dir: temp.dir,
    id: identity.id,
    ok,
    async refused(call, input) {
      const result = await core.call(call, input);
      if (result.ok) throw new Error(`${call} was expected to be refused`);
      return { code: result.code, message: result.message };
    },
    close: () => core.close(),
    cleanup: () => {
      core.close();
      temp.cleanup();
    },
  };
}

/** Each side trusts the other's .pub, as two clerks do after comparing fingerprints by phone. */
export async function trustEachOther(a: ExchangeNode, b: ExchangeNode): Promise<void> {
  for (const [from, to] of [
    [a, b],
    [b, a],
  ] as const) {
    const pub = await from.ok('keys.exportPublic', {});
    const content = Buffer.from(pub.contentBase64, 'base64').toString('utf8');
    const info = await to.ok('keys.inspect', { content });
    await to.ok('keys.trust', { content, fingerprint: info.fingerprint });
  }
}

/** A stable digest of every synced table, the received-bundle log and the attachment rows: "nothing changed" is this staying equal. */
export function dataDigest(node: ExchangeNode): string {
  const hash = createHash('sha256');
  for (const table of [...syncedTables, 'bundles_received']) {
    for (const row of node.core.ctx.database.sqlite.prepare(`SELECT * FROM ${table} ORDER BY 1, 2`).iterate()) hash.update(JSON.stringify(row));
  }
  return hash.digest('hex');
}

/** Stores a file as an attachment row of the node (content-addressed), as evidence uploads will. */
export function addAttachment(node: ExchangeNode, content: Buffer, fileName: string): string {
  const sha256 = createHash('sha256').update(content).digest('hex');
  const target = attachmentPath(node.core.ctx, sha256);
  mkdirSync(path.dirname(target), { recursive: true });
  writeFileSync(target, content);
  const now = new Date().toISOString();
  node.core.ctx.database.sqlite
    .prepare('INSERT INTO attachments (id, origin_node, created_at, updated_at, sha256, size, file_name, mime_type) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
    .run(newId(), node.id, now, now, sha256, content.length, fileName, 'application/octet-stream');
  return sha256;
}

/**
 * A bundle signed with `from`'s real key and encrypted to `to`, holding whatever
 * entries the test gives: what an enrolled office (or someone holding its key)
 * could send. Sequence 1, full, unless told otherwise.
 */
export async function craftBundle(from: ExchangeNode, to: ExchangeNode, file: string, entries: EntrySource[], options: { sequence?: number; full?: boolean; previousHash?: string | null } = {}): Promise<string> {
  const signer = loadSigner(from.core.ctx);
  const target = (await from.ok('keys.trusted', {})).find((k) => k.nodeId === to.id)!;
  const self = (await from.ok('node.get', {}))!;
  await writeBundle({
    file,
    manifest: {
      bundleId: newId(),
      node: { id: from.id, role: self.role, name: self.name, districtId: self.districtId },
      keyId: signer.keyId,
      target: { nodeId: to.id, recipients: target.recipients },
      sequence: options.sequence ?? 1,
      previousHash: options.previousHash ?? null,
      full: options.full ?? true,
      createdAt: new Date().toISOString(),
      appVersion: 'test',
      schemaVersion: '1',
    },
    entries,
    signer,
    recipients: target.recipients,
  });
  return file;
}

/** Files under `dir` whose bytes contain `needle`, the database files excepted (SQLite stores rows as they are). */
export function filesContaining(dir: string, needle: string): string[] {
  const bytes = Buffer.from(needle, 'utf8');
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && !/\.sqlite(-wal|-shm|-journal)?$/.test(e.name))
    .map((e) => path.join(e.parentPath, e.name))
    .filter((file) => readFileSync(file).includes(bytes));
}
