import type Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../migrate.ts';
import { changeLogOf } from './change-log-check.ts';
import { upTo, freshDb } from './harness.ts';

// 0004: keys, the bundle logs and the change log (sync_changes) with its triggers on the
// five synced tables of then; the node's own rows made before are logged once, oldest
// first; an equipment code is unique per origin node, no longer across the city.

const unit = "INSERT INTO units (id, origin_node, created_at, updated_at, district_id, name, uscc) VALUES (?, ?, 't', ?, 'seed-district-03', ?, ?)";
const piece = "INSERT INTO equipment (id, origin_node, created_at, updated_at, unit_id, equipment_code) VALUES (?, ?, 't', ?, 'u-own-a-late', ?)";
const manager = "INSERT INTO safety_managers (id, origin_node, created_at, updated_at, unit_id, name) VALUES (?, ?, 't', ?, 'u-own-a-late', ?)";
const logged = (db: Database.Database) => db.prepare("SELECT table_name || ':' || row_id FROM sync_changes ORDER BY seq").pluck().all() as string[];

function seededUnder0003(): Database.Database {
  const db = freshDb({ foreignKeys: false });
  migrate(db, upTo('0003_equipment_grid_live'));
  db.prepare("INSERT INTO node_identity (id, role, name, district_id, created_at) VALUES ('me', 'district', '塘桥分局', 'seed-district-03', 't')").run();
  db.prepare(unit).run('u-own-a-late', 'me', '2026-03-01', '甲公司', '91330100716105852F');
  db.prepare(unit).run('u-other', 'other-office', '2026-01-15', '乙公司', '91330100716105853F');
  db.prepare(unit).run('u-own-b-early', 'me', '2026-01-01', '丙公司', '91330100716105854F');
  db.prepare(piece).run('e-own', 'me', '2026-02-01', '3110320582201000001');
  db.prepare(manager).run('m-own', 'me', '2026-02-01', '张三');
  db.prepare(manager).run('m-other', 'other-office', '2026-02-01', '李四');
  return db;
}

describe('0004_exchange_keys', () => {
  it('logs the node’s own rows made before once, oldest first, and not the seeded districts or other nodes’ rows', () => {
    const db = seededUnder0003();
    expect(migrate(db, upTo('0004_exchange_keys')).applied).toEqual(['0004_exchange_keys']);
    expect(db.prepare('SELECT id FROM units ORDER BY id').pluck().all()).toEqual(['u-other', 'u-own-a-late', 'u-own-b-early']);
    expect(db.prepare('SELECT equipment_code FROM equipment').pluck().all()).toEqual(['3110320582201000001']);
    expect(logged(db)).toEqual(['units:u-own-b-early', 'units:u-own-a-late', 'equipment:e-own', 'safety_managers:m-own']);
    db.close();
  });

  it('logs an insert or update of an own row in sync_changes (moving it to the end), and none of another node’s', () => {
    const db = seededUnder0003();
    migrate(db, upTo('0004_exchange_keys'));
    db.prepare('DELETE FROM sync_changes').run();
    db.prepare(unit).run('u-new', 'me', '2026-04-01', '丁公司', '91330100716105855F');
    db.prepare(unit).run('u-foreign', 'other-office', '2026-04-01', '戊公司', '91330100716105856F');
    db.prepare("UPDATE units SET name = '甲公司（改）' WHERE id = 'u-own-a-late'").run();
    db.prepare("UPDATE units SET name = '乙公司（改）' WHERE id = 'u-other'").run();
    db.prepare("UPDATE safety_managers SET phone = '13800000000' WHERE id IN ('m-own', 'm-other')").run();
    db.prepare("UPDATE districts SET name = '塘桥镇' WHERE id = 'seed-district-03'").run();
    db.prepare("UPDATE units SET name = '丁公司（改）' WHERE id = 'u-new'").run();
    expect(logged(db)).toEqual(['units:u-own-a-late', 'safety_managers:m-own', 'units:u-new']);
    const attachment = "INSERT INTO attachments (id, origin_node, created_at, updated_at, sha256, size, file_name, mime_type) VALUES (?, ?, 't', 't', 'abc', 3, '照片.jpg', 'image/jpeg')";
    db.prepare(attachment).run('a-own', 'me');
    db.prepare(attachment).run('a-other', 'other-office');
    expect(logged(db).filter((c) => c.startsWith('attachments:'))).toEqual(['attachments:a-own']);
    // the same file twice from one node is one attachment
    expect(() => db.prepare(attachment).run('a-own-2', 'me')).toThrow(/UNIQUE/);
    db.close();
  });

  it('makes an equipment code unique per origin node: another node may hold the same code', () => {
    const db = seededUnder0003();
    expect(() => db.prepare(piece).run('e-other-before', 'other-office', 't', '3110320582201000001')).toThrow(/UNIQUE/);
    migrate(db, upTo('0004_exchange_keys'));
    db.prepare(piece).run('e-other', 'other-office', 't', '3110320582201000001');
    expect(() => db.prepare(piece).run('e-own-2', 'me', 't', '3110320582201000001')).toThrow(/UNIQUE/);
    // a deleted piece frees its code
    db.prepare("UPDATE equipment SET deleted_at = 't' WHERE id = 'e-own'").run();
    db.prepare(piece).run('e-own-3', 'me', 't', '3110320582201000001');
    db.close();
  });

  it('adds the key and bundle tables: one sent bundle per target and sequence, one received per sender and sequence', () => {
    const db = seededUnder0003();
    migrate(db, upTo('0004_exchange_keys'));
    db.prepare("INSERT INTO node_keys (id, purpose, public_key, sealed_private, protection, created_at) VALUES ('k1', 'signing', 'pub', 'sealed', 'dpapi', 't')").run();
    db.prepare(
      "INSERT INTO trusted_keys (id, node_id, node_name, role, signing_key, recipients, fingerprint, trusted_at, trusted_by) VALUES ('t1', 'bureau', '市局', 'bureau', 'pub', '[]', 'fp', 't', '王五')",
    ).run();
    expect(db.prepare("SELECT revoked_at FROM trusted_keys WHERE id = 't1'").get()).toEqual({ revoked_at: null });
    const sent = "INSERT INTO bundles_sent (id, target_node_id, sequence, hash, full, created_at, file_name, size, row_counts, change_seq) VALUES (?, 'bureau', ?, 'h', 0, 't', 'f.qkl', 1, '{}', 0)";
    db.prepare(sent).run('s1', 1);
    db.prepare(sent).run('s2', 2);
    expect(() => db.prepare(sent).run('s3', 2)).toThrow(/UNIQUE/);
    const received =
      "INSERT INTO bundles_received (id, node_id, sequence, hash, full, key_id, created_at, imported_at, imported_by, file_name, size, changes) VALUES (?, 'bureau', ?, 'h', 0, 'k', 't', 't', '王五', 'f.qkl', 1, '{}')";
    db.prepare(received).run('r1', 1);
    expect(() => db.prepare(received).run('r2', 1)).toThrow(/UNIQUE|PRIMARY KEY/);
    // the change log holds a row once
    expect(() => db.prepare("INSERT INTO sync_changes (table_name, row_id) VALUES ('units', 'u-own-a-late')").run()).toThrow(/UNIQUE/);
    db.close();
  });

  it('puts the change-log triggers on all five synced tables of then', () => {
    const db = freshDb({ foreignKeys: false });
    migrate(db, upTo('0004_exchange_keys'));
    db.prepare("INSERT INTO node_identity (id, role, name, district_id, created_at) VALUES ('me', 'district', '塘桥分局', 'seed-district-03', 't')").run();
    const tables = ['districts', 'units', 'equipment', 'safety_managers', 'attachments'];
    expect(changeLogOf(db, tables, 'me')).toEqual(tables.map((t) => `${t}:${t}-own`));
    db.close();
  });
});
