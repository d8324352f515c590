import { describe, expect, it } from 'vitest';
import { migrate } from '../migrate.ts';
import { upTo, freshDb } from './harness.ts';

// 0010: a complaint reporter may be flagged as bureau staff (local only, never synced).

describe('0010_complaint_reporter_staff', () => {
  it('flags a reporter as bureau staff, keeping the reporters made under 0009 (not staff)', () => {
    const db = freshDb();
    migrate(db, upTo('0009_supervision_work'));
    db.prepare("INSERT INTO node_identity (id, role, name, district_id, created_at) VALUES ('me', 'district', '塘桥分局', 'seed-district-03', 't')").run();
    db.prepare(
      "INSERT INTO complaints (id, origin_node, created_at, updated_at, district_id, received_on, channel, reporter_masked, content, unit_name, handling_deadline, state) VALUES ('c1', 'me', 't', 't', 'seed-district-03', '2026-12-01', 'phone', '王**', '叉车无证驾驶', '某物流公司', '2026-12-22', 'received')",
    ).run();
    db.prepare("INSERT INTO complaint_reporters (complaint_id, name) VALUES ('c1', '王五')").run();
    expect(migrate(db, upTo('0010_complaint_reporter_staff')).applied).toEqual(['0010_complaint_reporter_staff']);
    expect(db.prepare('SELECT name, bureau_staff AS staff FROM complaint_reporters').get()).toEqual({ name: '王五', staff: 0 });
    expect(db.prepare("SELECT count(*) AS n FROM sync_changes WHERE table_name = 'complaint_reporters'").get()).toEqual({ n: 0 });
  });

  it('stores the flag of a new reporter, and still keeps reporters out of the change log', () => {
    const db = freshDb();
    migrate(db, upTo('0010_complaint_reporter_staff'));
    db.prepare("INSERT INTO node_identity (id, role, name, district_id, created_at) VALUES ('me', 'district', '塘桥分局', 'seed-district-03', 't')").run();
    db.prepare(
      "INSERT INTO complaints (id, origin_node, created_at, updated_at, district_id, received_on, channel, reporter_masked, content, unit_name, handling_deadline, state) VALUES ('c1', 'me', 't', 't', 'seed-district-03', '2026-12-01', 'phone', '李**', '电梯异响', '某商场', '2026-12-22', 'received')",
    ).run();
    db.prepare("INSERT INTO complaint_reporters (complaint_id, name, bureau_staff) VALUES ('c1', '李四', 1)").run();
    expect(db.prepare('SELECT bureau_staff FROM complaint_reporters').pluck().get()).toBe(1);
    expect(db.prepare("SELECT table_name || ':' || row_id FROM sync_changes ORDER BY seq").pluck().all()).toEqual(['complaints:c1']);
    expect(db.prepare('PRAGMA table_info(complaint_reporters)').all().map((c) => (c as { name: string }).name)).not.toContain('origin_node');
  });
});
