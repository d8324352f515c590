import { readFileSync, writeFileSync } from 'node:fs';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { tempDir } from '../tests/support/temp.ts';
import { listBackups } from './backup.ts';
import { loadMigrations, migrate } from './migrate.ts';
import { defaultMigrationsDir, openDatabase } from './open.ts';

const temps: ReturnType<typeof tempDir>[] = [];
const temp = () => {
  const t = tempDir();
  temps.push(t);
  return t;
};
afterEach(() => temps.splice(0).forEach((t) => t.cleanup()));

describe('openDatabase', () => {
  it('creates, migrates and sets the durability pragmas', () => {
    const t = temp();
    const opened = openDatabase({ file: t.file('sub/qkl.sqlite') });
    try {
      const { sqlite } = opened;
      expect(sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(sqlite.pragma('synchronous', { simple: true })).toBe(2); // FULL
      expect(sqlite.pragma('temp_store', { simple: true })).toBe(2); // MEMORY: statement journals of the change-log triggers
      expect(sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
      expect(sqlite.pragma('busy_timeout', { simple: true })).toBe(5000);
      expect(opened.appliedMigrations.length).toBeGreaterThan(0);
    } finally {
      opened.close();
    }
  });

  it('keeps data across reopen and does not back up when nothing is pending', () => {
    const t = temp();
    const file = t.file('qkl.sqlite');
    const first = openDatabase({ file });
    first.sqlite.prepare("INSERT INTO node_identity VALUES ('n', 'district', '塘桥分局', NULL, 'now')").run();
    first.close();
    const second = openDatabase({ file });
    expect(second.sqlite.prepare('SELECT name FROM node_identity').get()).toEqual({ name: '塘桥分局' });
    expect(second.appliedMigrations).toEqual([]);
    second.close();
    expect(listBackups(t.file('backups'))).toEqual([]);
  });

  it('backs up a database before migrating it, into a checked copy', () => {
    const t = temp();
    const file = t.file('qkl.sqlite');
    // an old database: only the first migration applied, with a row in it
    const raw = new Database(file);
    migrate(raw, loadMigrations(defaultMigrationsDir).slice(0, 1));
    raw.prepare("INSERT INTO node_identity VALUES ('n', 'bureau', '市局', NULL, 'now')").run();
    raw.close();

    const reopened = openDatabase({ file });
    expect(reopened.appliedMigrations.length).toBeGreaterThan(0);
    reopened.close();
    const backups = listBackups(t.file('backups'));
    expect(backups).toHaveLength(1);
    const copy = new Database(backups[0]!, { readonly: true });
    expect(copy.prepare('SELECT name FROM node_identity').get()).toEqual({ name: '市局' });
    copy.close();
  });

  it('refuses a database from a newer app without touching it', () => {
    const t = temp();
    const file = t.file('qkl.sqlite');
    openDatabase({ file }).close();
    const raw = new Database(file);
    raw.prepare("INSERT INTO __qkl_migrations VALUES (99, '0099_future', 'x', 'now')").run();
    raw.close();
    const before = readFileSync(file);
    expect(() => openDatabase({ file })).toThrow(expect.objectContaining({ code: 'DB_TOO_NEW' }));
    expect(readFileSync(file).equals(before)).toBe(true);
  });

  it('refuses a file that is not a database with a Chinese message', () => {
    const t = temp();
    const file = t.file('qkl.sqlite');
    writeFileSync(file, Buffer.alloc(8192, 7));
    expect(() => openDatabase({ file })).toThrow(expect.objectContaining({ code: 'DB_CORRUPT', message: expect.stringContaining('不是本程序的数据文件') }));
  });

  it('reports a corrupt database as DB_CORRUPT', () => {
    const t = temp();
    const file = t.file('qkl.sqlite');
    const opened = openDatabase({ file });
    opened.sqlite.pragma('journal_mode = DELETE');
    const insert = opened.sqlite.prepare("INSERT INTO node_identity VALUES (?, 'district', ?, NULL, 'now')");
    opened.sqlite.transaction(() => {
      for (let i = 0; i < 2000; i++) insert.run(`n${i}`, 'x'.repeat(200));
    })();
    opened.close();
    // scribble over the middle of the file: pages of the table and its index
    const bytes = readFileSync(file);
    bytes.fill(0xab, 40_000, 200_000);
    writeFileSync(file, bytes);
    expect(() => openDatabase({ file })).toThrow(expect.objectContaining({ code: 'DB_CORRUPT', message: expect.stringContaining('请从备份恢复') }));
  });
});
