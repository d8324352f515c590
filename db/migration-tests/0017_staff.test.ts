import { describe, expect, it } from 'vitest';
import { migrate } from '../migrate.ts';
import { upTo, freshDb } from './harness.ts';

// 0017: the local list of the people who work at this desk (经办人员), not synced.

describe('0017_staff', () => {
  it('adds an empty staff table with unique names, keeping the node and its audit log made before', () => {
    const db = freshDb({ foreignKeys: false });
    migrate(db, upTo('0016_acceptance_contradictions'));
    db.prepare("INSERT INTO node_identity (id, role, name, district_id, created_at) VALUES ('n1', 'district', '塘桥分局', 'seed-district-03', '2026-01-01')").run();
    db.prepare("INSERT INTO audit_log (id, node_id, at, actor, call, table_name, row_ids, prev_hash, hash) VALUES ('a', 'n1', 't', 'root', 'node.init', 'node_identity', '[]', 'p', 'h')").run();
    expect(migrate(db, upTo('0017_staff')).applied).toEqual(['0017_staff']);
    expect(db.prepare('SELECT name FROM node_identity').get()).toEqual({ name: '塘桥分局' });
    expect(db.prepare('SELECT actor FROM audit_log').get()).toEqual({ actor: 'root' });
    expect(db.prepare('SELECT count(*) AS n FROM staff').get()).toEqual({ n: 0 });

    db.prepare("INSERT INTO staff (id, name, title, created_at, updated_at) VALUES ('s1', '王敏', '科长', 't', 't')").run();
    expect(db.prepare('SELECT active, version FROM staff').get()).toEqual({ active: 1, version: 1 });
    expect(() => db.prepare("INSERT INTO staff (id, name, title, created_at, updated_at) VALUES ('s2', '王敏', '办事员', 't', 't')").run()).toThrow(/UNIQUE/);
    // local: no origin_node, so no change-log triggers and never in a bundle
    const columns = (db.prepare('PRAGMA table_info(staff)').all() as { name: string }[]).map((c) => c.name);
    expect(columns).not.toContain('origin_node');
  });
});
