import { describe, expect, it } from 'vitest';
import { migrate } from '../migrate.ts';
import { freshDb, upTo } from './harness.ts';

// 0014: the 特批 (override) of a supervisor certificate issued to a candidate the
// rules would hold back: which rule, and the written reason.

describe('0014_certificate_override', () => {
  it('adds the override columns to supervisor certificates, keeping a certificate issued before (no override)', () => {
    const db = freshDb({ foreignKeys: false });
    migrate(db, upTo('0013_audit_anchors'));
    db.prepare(
      "INSERT INTO supervisor_certificates (id, origin_node, created_at, updated_at, certificate_no, year, seq, holder_name, issue_date, valid_until, issuing_node, payload) VALUES ('s1', 'me', 't', 't', '张特监〔2026〕第0001号', 2026, 1, '王小明', '2026-12-04', '2030-12-03', 'me', 'QKL1.x.y')",
    ).run();
    expect(migrate(db, upTo('0014_certificate_override')).applied).toEqual(['0014_certificate_override']);
    expect(db.prepare('SELECT certificate_no AS no, holder_name AS holder, override_problem AS problem, override_reason AS reason FROM supervisor_certificates').get()).toEqual({
      no: '张特监〔2026〕第0001号',
      holder: '王小明',
      problem: null,
      reason: null,
    });
  });

});
