import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { AppError } from '../electron/shared/errors.ts';
import { registerSqlFunctions } from './functions.ts';

export interface Migration {
  idx: number;
  tag: string;
  hash: string;
  statements: string[];
}

interface Journal {
  entries: { idx: number; tag: string }[];
}

/** Reads the SQL that drizzle-kit generated, in journal order. */
export function loadMigrations(dir: string): Migration[] {
  const journal = JSON.parse(readFileSync(path.join(dir, 'meta', '_journal.json'), 'utf8')) as Journal;
  return journal.entries.map((entry, position) => {
    if (entry.idx !== position) throw new Error(`migration journal out of order at ${entry.tag}`);
    // CRLF from a Windows checkout must not change the hash of an applied migration.
    const text = readFileSync(path.join(dir, `${entry.tag}.sql`), 'utf8').replace(/\r\n/g, '\n');
    return {
      idx: entry.idx,
      tag: entry.tag,
      hash: createHash('sha256').update(text).digest('hex'),
      statements: text
        .split('--> statement-breakpoint')
        .map((s) => s.trim())
        .filter((s) => s.replace(/^--.*$/gm, '').trim().length > 0),
    };
  });
}

const LEDGER = '__qkl_migrations';

interface Applied {
  idx: number;
  tag: string;
  hash: string;
}

export interface MigrateOptions {
  /** called once, before the first pending migration, when the database already holds data */
  backup?: () => void;
  now?: () => Date;
}

export interface MigrateResult {
  applied: string[];
  current: number;
}

/**
 * Applies pending migrations in one transaction. Refuses a database whose history
 * is not a prefix of ours (edited migration) or that is newer than this app.
 * Foreign keys are switched off outside the transaction (SQLite ignores the pragma
 * inside one) so table rebuilds cannot cascade, and checked before commit.
 */
export function migrate(sqlite: Database.Database, migrations: Migration[], options: MigrateOptions = {}): MigrateResult {
  // first: migrations and the triggers they create call these (db/functions.ts)
  registerSqlFunctions(sqlite);
  sqlite.exec(
    `CREATE TABLE IF NOT EXISTS ${LEDGER} (idx INTEGER PRIMARY KEY, tag TEXT NOT NULL, hash TEXT NOT NULL, applied_at TEXT NOT NULL)`,
  );
  const applied = sqlite.prepare(`SELECT idx, tag, hash FROM ${LEDGER} ORDER BY idx`).all() as Applied[];
  checkHistory(applied, migrations);

  const pending = migrations.slice(applied.length);
  if (pending.length === 0) return { applied: [], current: applied.length };

  if (applied.length > 0) options.backup?.();
  const now = (options.now ?? (() => new Date()))().toISOString();
  const record = sqlite.prepare(`INSERT INTO ${LEDGER} (idx, tag, hash, applied_at) VALUES (?, ?, ?, ?)`);

  sqlite.pragma('foreign_keys = OFF');
  try {
    sqlite.transaction(() => {
      for (const m of pending) {
        for (const statement of m.statements) sqlite.exec(statement);
        record.run(m.idx, m.tag, m.hash, now);
      }
      const violations = sqlite.pragma('foreign_key_check') as unknown[];
      if (violations.length > 0) {
        throw new AppError('DB_MIGRATION_MISMATCH', `数据库升级后发现 ${violations.length} 处外键不一致，已撤销升级，数据未改变。请联系技术支持。`);
      }
    })();
  } finally {
    sqlite.pragma('foreign_keys = ON');
  }
  return { applied: pending.map((m) => m.tag), current: migrations.length };
}

function checkHistory(applied: Applied[], migrations: Migration[]): void {
  if (applied.length > migrations.length) {
    const newest = applied[applied.length - 1]!;
    throw new AppError(
      'DB_TOO_NEW',
      `该数据库由更新版本的程序创建（数据结构版本 ${newest.idx + 1}，本程序支持到 ${migrations.length}），为防止数据损坏已拒绝打开。请先升级程序。`,
      { databaseVersion: newest.idx + 1, appVersion: migrations.length },
    );
  }
  applied.forEach((row, i) => {
    const ours = migrations[i]!;
    if (row.idx !== ours.idx || row.tag !== ours.tag || row.hash !== ours.hash) {
      throw new AppError(
        'DB_MIGRATION_MISMATCH',
        `数据库的升级记录与本程序不一致（第 ${i + 1} 步：${row.tag}），为防止数据损坏已拒绝打开。请使用创建该数据库的程序版本，或联系技术支持。`,
        { tag: row.tag },
      );
    }
  });
}
