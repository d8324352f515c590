import { describe, expect, it } from 'vitest';
import { migrate } from '../migrate.ts';
import { upTo, freshDb } from './harness.ts';

// 0016: an acceptance item marked against the system's finding keeps that finding and
// the office's reason; the bureau's pass keeps the contradictions it confirmed.

describe('0016_acceptance_contradictions', () => {
  it('adds the finding and reason to items and the confirmed list to decisions, keeping the rows made before (no contradiction)', () => {
    const db = freshDb();
    migrate(db, upTo('0015_next_inspection_source'));
    db.prepare("INSERT INTO units (id, origin_node, created_at, updated_at, district_id, name, uscc) VALUES ('u1', 'office', 't', 't', 'seed-district-03', '甲公司', '91330100716105852F')").run();
    db.prepare(
      "INSERT INTO acceptance_files (id, origin_node, created_at, updated_at, district_id, unit_id, phase, checklist_version, state, round) VALUES ('f1', 'office', 't', 't', 'seed-district-03', 'u1', 'pilot', 'v1', 'city_review', 1)",
    ).run();
    db.prepare("INSERT INTO acceptance_items (id, origin_node, created_at, updated_at, file_id, code, result, comment) VALUES ('i1', 'office', 't', 't', 'f1', '3.2', 'pass', '已核查')").run();
    db.prepare(
      "INSERT INTO acceptance_decisions (id, origin_node, created_at, updated_at, file_id, office_node, round, outcome, plaque_no, decided_on, decided_by) VALUES ('d1', 'bureau', 't', 't', 'f1', 'office', 1, 'pass', '张特示〔2026〕第001号', '2026-11-29', '王科长')",
    ).run();

    expect(migrate(db, upTo('0016_acceptance_contradictions')).applied).toEqual(['0016_acceptance_contradictions']);
    expect(db.prepare('SELECT code, result, comment, system_finding AS finding, contradiction_reason AS reason FROM acceptance_items').get()).toEqual({
      code: '3.2',
      result: 'pass',
      comment: '已核查',
      finding: null,
      reason: null,
    });
    expect(db.prepare('SELECT plaque_no AS plaqueNo, acknowledged_items AS acknowledged FROM acceptance_decisions').get()).toEqual({ plaqueNo: '张特示〔2026〕第001号', acknowledged: null });
    db.prepare("UPDATE acceptance_items SET system_finding = '有 52 台在用设备超期未检', contradiction_reason = '已现场复检' WHERE id = 'i1'").run();
    expect(db.prepare('SELECT system_finding AS finding FROM acceptance_items').get()).toEqual({ finding: '有 52 台在用设备超期未检' });
  });
});
