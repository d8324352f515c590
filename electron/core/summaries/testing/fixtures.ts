import type Database from 'better-sqlite3';
import { getTableColumns, getTableName, is } from 'drizzle-orm';
import { SQLiteTable } from 'drizzle-orm/sqlite-core';
import { drizzleOf } from '../../../../db/drizzle-of.ts';
import * as schema from '../../../../db/schema/index.ts';
import { newId } from '../../ids.ts';

// Rows of the other supervision-work tables (schema 0009) as their services write
// them: the figures read these tables directly, whoever writes them. The tests name
// a table and its columns as SQL does; the row goes in through drizzle's builder.

const DISTRICT = 'seed-district-03';

const tables = new Map<string, SQLiteTable>();
for (const value of Object.values(schema) as unknown[]) if (is(value, SQLiteTable)) tables.set(getTableName(value), value);

/** Inserts one row with its sync columns filled in (owned by 'test' unless told); returns its id. */
export function insertRow(sqlite: Database.Database, table: string, fields: Record<string, unknown>): string {
  const target = tables.get(table);
  if (!target) throw new Error(`no table ${table} in db/schema`);
  const keyOf = new Map(Object.entries(getTableColumns(target)).map(([key, column]) => [column.name, key]));
  const id = newId();
  const row: Record<string, unknown> = { id, origin_node: 'test', created_at: '2026-01-01T00:00:00.000Z', updated_at: '2026-01-01T00:00:00.000Z', ...fields };
  const values: Record<string, unknown> = {};
  for (const [column, value] of Object.entries(row)) {
    const key = keyOf.get(column);
    if (!key) throw new Error(`${table} has no column ${column}`);
    values[key] = value;
  }
  drizzleOf(sqlite).insert(target).values(values).run();
  return String(row['id']);
}

export function inspectionPlan(sqlite: Database.Database, districtId = DISTRICT): string {
  return insertRow(sqlite, 'inspection_plans', {
    district_id: districtId,
    title: '2026 年电梯专项检查',
    type: 'special',
    period_start: '2026-11-01',
    period_end: '2027-01-31',
    scope_kind: 'units',
    checklist_key: 'elevator',
    checklist_version: 1,
    team: JSON.stringify([{ kind: 'inspector', name: '陈监察' }, { kind: 'inspector', name: '李监察' }]),
    state: 'active',
  });
}

export function inspectionRecord(sqlite: Database.Database, planId: string, unitId: string, inspectedOn: string, state: 'draft' | 'final', districtId = DISTRICT): string {
  return insertRow(sqlite, 'inspection_records', { plan_id: planId, district_id: districtId, unit_id: unitId, inspected_on: inspectedOn, state });
}

let orderSeq = 0;
export function supervisionOrder(sqlite: Database.Database, unitId: string, issuedOn: string, state: 'issued' | 'rechecked' | 'cancelled' = 'issued'): string {
  const seq = ++orderSeq;
  return insertRow(sqlite, 'supervision_orders', {
    district_id: DISTRICT,
    unit_id: unitId,
    prefix: '张市监特令',
    year: Number(issuedOn.slice(0, 4)),
    seq,
    number: `张市监特令〔${issuedOn.slice(0, 4)}〕第${seq}号`,
    issued_on: issuedOn,
    deadline: '2027-01-15',
    content: '限期整改',
    state,
  });
}

export function hazard(sqlite: Database.Database, unitId: string, f: { foundOn: string; state?: string; deadline?: string | null; closedOn?: string | null }): string {
  return insertRow(sqlite, 'hazards', {
    district_id: DISTRICT,
    unit_id: unitId,
    description: '电梯应急照明失效',
    level: 'general',
    found_by: '陈监察',
    found_on: f.foundOn,
    state: f.state ?? 'found',
    deadline: f.deadline ?? null,
    closed_on: f.closedOn ?? null,
  });
}

export function complaint(sqlite: Database.Database, f: { receivedOn: string; handledOn?: string | null; districtId?: string }): string {
  return insertRow(sqlite, 'complaints', {
    district_id: f.districtId ?? DISTRICT,
    received_on: f.receivedOn,
    channel: '12345',
    content: '小区电梯频繁困人',
    handling_deadline: '2027-01-31',
    handled_on: f.handledOn ?? null,
    handling_result: f.handledOn ? '已责令维保单位整改' : null,
    state: f.handledOn ? 'handled' : 'received',
  });
}

export function reward(sqlite: Database.Database, complaintId: string, f: { state: 'proposed' | 'approved' | 'rejected' | 'paid'; approvedOn?: string | null; approvedFen?: number | null }): string {
  return insertRow(sqlite, 'complaint_rewards', {
    complaint_id: complaintId,
    district_id: DISTRICT,
    scheme: 'national',
    level: 3,
    proposed_fen: 100000,
    basis: '三级：罚没款 1% ，不足 1000 元按 1000 元',
    state: f.state,
    approved_on: f.approvedOn ?? null,
    approved_fen: f.approvedFen ?? null,
    approved_by: f.approvedOn ? '王局长' : null,
  });
}
