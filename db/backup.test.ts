import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { tempDir } from '../tests/support/temp.ts';
import { backupDatabase, listBackups } from './backup.ts';

const temps: ReturnType<typeof tempDir>[] = [];
afterEach(() => temps.splice(0).forEach((t) => t.cleanup()));

describe('backupDatabase', () => {
  it('copies a live WAL database consistently and keeps only the newest N', () => {
    const t = tempDir();
    temps.push(t);
    const db = new Database(t.file('live.sqlite'));
    db.pragma('journal_mode = WAL');
    db.exec('CREATE TABLE t (v TEXT)');
    db.prepare("INSERT INTO t VALUES ('一')").run();

    const made: string[] = [];
    for (let i = 0; i < 4; i++) made.push(backupDatabase(db, t.file('backups'), 'test', 3, new Date(Date.UTC(2026, 10, 28, 12, 0, i))));
    const kept = listBackups(t.file('backups'));
    expect(kept).toEqual(made.slice(1));
    const copy = new Database(kept[2]!, { readonly: true });
    expect(copy.prepare('SELECT v FROM t').all()).toEqual([{ v: '一' }]);
    copy.close();
    db.close();
  });

  it('never overwrites a backup made in the same second', () => {
    const t = tempDir();
    temps.push(t);
    const db = new Database(t.file('live.sqlite'));
    const at = new Date(Date.UTC(2026, 10, 28));
    const a = backupDatabase(db, t.file('b'), 'same', 10, at);
    const b = backupDatabase(db, t.file('b'), 'same', 10, at);
    expect(a).not.toBe(b);
    expect(listBackups(t.file('b'))).toHaveLength(2);
    db.close();
  });
});
