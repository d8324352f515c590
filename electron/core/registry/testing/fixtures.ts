import type Database from 'better-sqlite3';
import { newId } from '../../ids.ts';
import { nameInitials } from '../../pinyin.ts';
import { usccCheckChar } from '../../validation/uscc.ts';

// Rows for the registry tests, written with raw SQL as the ledger import will
// write them (codes resolved through the catalogue, dates as YYYY-MM-DD text).

const DISTRICT = 'seed-district-03';
let serial = 0;
const stamp = () => new Date(Date.UTC(2026, 0, 1) + serial++ * 1000).toISOString();

export function testUscc(n: number): string {
  const body = `91320582${String(n).padStart(9, '0')}`;
  return body + usccCheckChar(body);
}

export function insertUnit(sqlite: Database.Database, fields: { name: string; uscc?: string; districtId?: string; address?: string }): string {
  const id = newId();
  const now = stamp();
  sqlite
    .prepare(
      `INSERT INTO units (id, origin_node, created_at, updated_at, district_id, name, name_initials, uscc, address)
       VALUES (?, 'test', ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(id, now, now, fields.districtId ?? DISTRICT, fields.name, nameInitials(fields.name), fields.uscc ?? testUscc(serial), fields.address ?? null);
  return id;
}

export interface PieceFields {
  kind?: string;
  category?: string | null;
  variety?: string | null;
  status?: 'in_use' | 'stopped' | 'scrapped' | 'cancelled';
  equipmentCode?: string | null;
  registrationCode?: string | null;
  registrationNo?: string | null;
  location?: string | null;
  last?: string | null;
  next?: string | null;
  extra?: Record<string, unknown> | null;
  updatedAt?: string;
}

/** n pieces of one kind for a unit (an elevator, 3110, unless told otherwise). */
export function insertPieces(sqlite: Database.Database, unitId: string, n: number, fields: PieceFields = {}): string[] {
  const insert = sqlite.prepare(
    `INSERT INTO equipment (id, origin_node, created_at, updated_at, unit_id, equipment_code, registration_code, registration_no,
       kind_code, category_code, variety_code, status, location, last_inspection_date, next_inspection_date, extra)
     VALUES (?, 'test', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const ids: string[] = [];
  for (let i = 0; i < n; i++) {
    const id = newId();
    const now = fields.updatedAt ?? stamp();
    insert.run(
      id, now, now, unitId,
      fields.equipmentCode === undefined ? null : fields.equipmentCode,
      fields.registrationCode ?? null,
      fields.registrationNo ?? null,
      fields.kind ?? '3000',
      fields.category === undefined ? '3100' : fields.category,
      fields.variety === undefined ? '3110' : fields.variety,
      fields.status ?? 'in_use',
      fields.location ?? null,
      fields.last ?? null,
      fields.next ?? null,
      fields.extra ? JSON.stringify(fields.extra) : null,
    );
    ids.push(id);
  }
  return ids;
}

export interface ManagerFields {
  name: string;
  idNumber?: string | null;
  itemCode?: string | null;
  certificateNo?: string | null;
  issued?: string | null;
  expiry?: string | null;
  phone?: string | null;
  extra?: Record<string, unknown> | null;
}

export function insertManager(sqlite: Database.Database, unitId: string, fields: ManagerFields): string {
  const id = newId();
  const now = stamp();
  sqlite
    .prepare(
      `INSERT INTO safety_managers (id, origin_node, created_at, updated_at, unit_id, name, name_initials, id_number, item_code,
         certificate_no, issued_date, expiry_date, phone, extra)
       VALUES (?, 'test', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(
      id, now, now, unitId, fields.name, nameInitials(fields.name), fields.idNumber ?? null,
      fields.itemCode === undefined ? 'A' : fields.itemCode,
      fields.certificateNo ?? null, fields.issued ?? null, fields.expiry ?? null, fields.phone ?? null,
      fields.extra ? JSON.stringify(fields.extra) : null,
    );
  return id;
}
