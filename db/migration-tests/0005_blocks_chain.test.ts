import type Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../migrate.ts';
import { changeLogOf, originTables } from './change-log-check.ts';
import { upTo, freshDb } from './harness.ts';

// 0005: 块 (blocks of units) and 链 (inspectors and safety managers assigned to a block),
// four synced tables with their change-log triggers. Rows made under 0004, and the
// change log they left, are kept.

const logged = (db: Database.Database) => db.prepare("SELECT table_name || ':' || row_id FROM sync_changes ORDER BY seq").pluck().all() as string[];

function seededUnder0004(): Database.Database {
  const db = freshDb({ foreignKeys: false });
  migrate(db, upTo('0004_exchange_keys'));
  db.prepare("INSERT INTO node_identity (id, role, name, district_id, created_at) VALUES ('me', 'district', '塘桥分局', 'seed-district-03', 't')").run();
  const unit = "INSERT INTO units (id, origin_node, created_at, updated_at, district_id, name, uscc) VALUES (?, ?, 't', 't', 'seed-district-03', ?, ?)";
  db.prepare(unit).run('u1', 'me', '甲公司', '91330100716105852F');
  db.prepare(unit).run('u2', 'me', '乙公司', '91330100716105853F');
  db.prepare("INSERT INTO safety_managers (id, origin_node, created_at, updated_at, unit_id, name) VALUES ('m1', 'me', 't', 't', 'u1', '张三')").run();
  return db;
}

const block = "INSERT INTO blocks (id, origin_node, created_at, updated_at, district_id, name, lead_unit_id) VALUES (?, ?, 't', 't', 'seed-district-03', ?, 'u1')";
const member = "INSERT INTO block_members (id, origin_node, created_at, updated_at, block_id, unit_id, joined_at, left_at) VALUES (?, ?, 't', 't', ?, ?, '2026-01-01', ?)";
const inspector = "INSERT INTO inspectors (id, origin_node, created_at, updated_at, district_id, name, enforcement_no) VALUES (?, ?, 't', 't', 'seed-district-03', ?, ?)";

describe('0005_blocks_chain', () => {
  it('adds exactly these synced tables, each logging its own rows on insert and update and never another node’s', () => {
    const db = freshDb({ foreignKeys: false });
    migrate(db, upTo('0004_exchange_keys'));
    const before = originTables(db);
    migrate(db, upTo('0005_blocks_chain'));
    const added = originTables(db).filter((t) => !before.includes(t));
    expect(added).toEqual(['block_inspectors', 'block_members', 'block_supervisors', 'blocks', 'inspectors']);
    db.prepare("INSERT INTO node_identity (id, role, name, district_id, created_at) VALUES ('me', 'district', '塘桥分局', 'seed-district-03', 't')").run();
    expect(changeLogOf(db, added, 'me')).toEqual(added.map((t) => `${t}:${t}-own`));
  });

  it('adds the block and chain tables, keeping units, managers and the change log made under 0004', () => {
    const db = seededUnder0004();
    const before = logged(db);
    expect(before).toEqual(['units:u1', 'units:u2', 'safety_managers:m1']);
    expect(migrate(db, upTo('0005_blocks_chain')).applied).toEqual(['0005_blocks_chain']);
    expect(db.prepare('SELECT name FROM units ORDER BY id').pluck().all()).toEqual(['甲公司', '乙公司']);
    expect(db.prepare('SELECT name FROM safety_managers').pluck().all()).toEqual(['张三']);
    expect(logged(db)).toEqual(before);
    expect(db.prepare("SELECT active FROM inspectors").all()).toEqual([]);
    db.prepare(inspector).run('i1', 'me', '李四', '32050001');
    expect(db.prepare("SELECT active, phone FROM inspectors WHERE id = 'i1'").get()).toEqual({ active: 1, phone: null });
    db.close();
  });

  it('logs the node’s own block, member and link rows on insert and update, and none of another node’s', () => {
    const db = seededUnder0004();
    migrate(db, upTo('0005_blocks_chain'));
    db.prepare('DELETE FROM sync_changes').run();
    db.prepare(block).run('b-own', 'me', '塘桥一块');
    db.prepare(block).run('b-other', 'other-office', '他局一块');
    db.prepare(member).run('bm-own', 'me', 'b-own', 'u1', null);
    db.prepare(member).run('bm-other', 'other-office', 'b-other', 'u2', null);
    db.prepare(inspector).run('i-own', 'me', '李四', '32050001');
    db.prepare(inspector).run('i-other', 'other-office', '王五', '32050002');
    const link = (table: string, who: string) =>
      `INSERT INTO ${table} (id, origin_node, created_at, updated_at, block_id, ${who}, assigned_at) VALUES (?, ?, 't', 't', ?, ?, 't')`;
    db.prepare(link('block_inspectors', 'inspector_id')).run('bi-own', 'me', 'b-own', 'i-own');
    db.prepare(link('block_inspectors', 'inspector_id')).run('bi-other', 'other-office', 'b-other', 'i-other');
    db.prepare(link('block_supervisors', 'manager_id')).run('bs-own', 'me', 'b-own', 'm1');
    db.prepare(link('block_supervisors', 'manager_id')).run('bs-other', 'other-office', 'b-other', 'm1');
    expect(logged(db)).toEqual(['blocks:b-own', 'block_members:bm-own', 'inspectors:i-own', 'block_inspectors:bi-own', 'block_supervisors:bs-own']);
    db.prepare("UPDATE blocks SET notes = '改' WHERE id IN ('b-own', 'b-other')").run();
    db.prepare("UPDATE inspectors SET phone = '1' WHERE id IN ('i-own', 'i-other')").run();
    expect(logged(db).slice(-2)).toEqual(['blocks:b-own', 'inspectors:i-own']);
    expect(logged(db)).toHaveLength(5);
    db.close();
  });

  it('lets a unit be in one live block of a node at a time, and an enforcement number belong to one inspector per node', () => {
    const db = seededUnder0004();
    migrate(db, upTo('0005_blocks_chain'));
    db.prepare(block).run('b1', 'me', '一块');
    db.prepare(block).run('b2', 'me', '二块');
    db.prepare(member).run('bm1', 'me', 'b1', 'u1', null);
    expect(() => db.prepare(member).run('bm2', 'me', 'b2', 'u1', null)).toThrow(/UNIQUE/);
    // another node's view of the same unit is its own
    db.prepare(member).run('bm3', 'other-office', 'b2', 'u1', null);
    // once it has left, it may join another block
    db.prepare("UPDATE block_members SET left_at = '2026-06-01' WHERE id = 'bm1'").run();
    db.prepare(member).run('bm4', 'me', 'b2', 'u1', null);
    db.prepare(inspector).run('i1', 'me', '李四', '32050001');
    expect(() => db.prepare(inspector).run('i2', 'me', '李四', '32050001')).toThrow(/UNIQUE/);
    db.prepare(inspector).run('i3', 'me', '赵六', null);
    db.prepare(inspector).run('i4', 'me', '钱七', null);
    db.close();
  });

  it('refuses a member of a block that does not exist when foreign keys are on', () => {
    const db = seededUnder0004();
    migrate(db, upTo('0005_blocks_chain'));
    db.pragma('foreign_keys = ON');
    expect(() => db.prepare(member).run('bm1', 'me', 'no-such-block', 'u1', null)).toThrow(/FOREIGN KEY/);
    db.prepare(block).run('b1', 'me', '一块');
    db.prepare(member).run('bm2', 'me', 'b1', 'u1', null);
    expect(() => db.prepare("UPDATE block_members SET unit_id = 'no-such-unit' WHERE id = 'bm2'").run()).toThrow(/FOREIGN KEY/);
    db.close();
  });
});
