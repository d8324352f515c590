import { describe, expect, it } from 'vitest';
import { migrate } from '../migrate.ts';
import { upTo, freshDb } from './harness.ts';

// 0013: anchors of the audit chain (own, and received from other nodes), append-only
// local evidence that never travels as rows.

describe('0013_audit_anchors', () => {
  it('adds the append-only anchor table, keeping the audit log made before', () => {
    const db = freshDb({ foreignKeys: false });
    migrate(db, upTo('0012_bureau_key_statements'));
    db.prepare(
      "INSERT INTO audit_log (id, node_id, at, actor, call, table_name, row_ids, prev_hash, hash) VALUES ('a', 'n', 't', 'x', 'c', 't', '[]', 'p', 'h')",
    ).run();
    expect(migrate(db, upTo('0013_audit_anchors')).applied).toEqual(['0013_audit_anchors']);
    expect(db.prepare('SELECT id, hash FROM audit_log').all()).toEqual([{ id: 'a', hash: 'h' }]);
    db.prepare(
      "INSERT INTO audit_anchors (node_id, own, source, seq, hash, at, key_id, signature, recorded_at, status) VALUES ('n', 1, 'export', 1, 'h', 't', 'k', 's', 't', 'own')",
    ).run();
    expect(() => db.prepare("UPDATE audit_anchors SET hash = 'x'").run()).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM audit_anchors').run()).toThrow(/append-only/);
    // local evidence, never in a bundle: no change-log triggers
    expect(db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'audit_anchors'").get()).toEqual({ n: 2 });
  });

});
