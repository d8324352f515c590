import { describe, expect, it } from 'vitest';
import { migrate } from '../migrate.ts';
import { upTo, freshDb, columns, syncColumns } from './harness.ts';

// 0012: the bureau's signed key statements (rotation, revocation), a synced table the
// bureau alone originates; once made, a statement never changes.

describe('0012_bureau_key_statements', () => {
  it('adds the bureau key statements: logged for the bureau\'s own rows, never changed once made', () => {
    const db = freshDb({ foreignKeys: false });
    migrate(db, upTo('0011_summary_receipts'));
    db.prepare("INSERT INTO node_identity (id, role, name, district_id, created_at) VALUES ('bureau', 'bureau', '市局', NULL, 't')").run();
    db.prepare("INSERT INTO trusted_keys (id, node_id, node_name, role, district_id, signing_key, recipients, fingerprint, trusted_at, trusted_by) VALUES ('k1', 'office', '塘桥分局', 'district', 'seed-district-03', 'pk', '[]', 'f', 't', 'x')").run();
    expect(migrate(db, upTo('0012_bureau_key_statements')).applied).toEqual(['0012_bureau_key_statements']);
    expect(db.prepare('SELECT id, node_name AS name FROM trusted_keys').get()).toEqual({ id: 'k1', name: '塘桥分局' });
    expect(columns(db, 'bureau_key_statements')).toEqual([...syncColumns, 'kind', 'subject_key_id', 'new_key_id', 'statement', 'signer_key_id', 'signature', 'new_key_signature']);
    const insert = db.prepare("INSERT INTO bureau_key_statements (id, origin_node, created_at, updated_at, kind, subject_key_id, new_key_id, statement, signer_key_id, signature) VALUES (?, ?, 't', 't', 'rotate', 'old', 'new', '{}', 'old', 'sig')");
    insert.run('s-own', 'bureau');
    insert.run('s-other', 'elsewhere');
    expect(db.prepare("SELECT row_id FROM sync_changes WHERE table_name = 'bureau_key_statements'").all()).toEqual([{ row_id: 's-own' }]);
    expect(() => db.prepare("UPDATE bureau_key_statements SET statement = '{\"x\":1}' WHERE id = 's-own'").run()).toThrow(/never change/);
    expect(() => db.prepare("UPDATE bureau_key_statements SET signature = 'other' WHERE id = 's-other'").run()).toThrow(/never change/);
    db.prepare("UPDATE bureau_key_statements SET updated_at = 't2' WHERE id = 's-own'").run();
  });

});
