import type Database from 'better-sqlite3';
import { drizzleOf } from '../../../../db/drizzle-of.ts';
import { equipment, safetyManagers, units } from '../../../../db/schema/index.ts';
import { newId } from '../../ids.ts';
import { nameInitials } from '../../pinyin.ts';
import { usccCheckChar } from '../../validation/uscc.ts';

// Rows for the registry tests, written as the ledger import writes them (codes
// resolved through the catalogue, dates as YYYY-MM-DD text), owned by a node 'test'.

const DISTRICT = 'seed-district-03';
let serial = 0;
const stamp = () => new Date(Date.UTC(2026, 0, 1) + serial++ * 1000).toISOString();

export function testUscc(n: number): string {
  const body = `91320582${String(n).padStart(9, '0')}`;
  return body + usccCheckChar(body);
}

export function insertUnit(sqlite: Database.Database, fields: { name: string; uscc?: string; districtId?: string; address?: string; originNode?: string }): string {
  const id = newId();
  const now = stamp();
  drizzleOf(sqlite)
    .insert(units)
    .values({
      id,
      originNode: fields.originNode ?? 'test',
      createdAt: now,
      updatedAt: now,
      districtId: fields.districtId ?? DISTRICT,
      name: fields.name,
      nameInitials: nameInitials(fields.name),
      uscc: fields.uscc ?? testUscc(serial),
      address: fields.address ?? null,
    })
    .run();
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
  const db = drizzleOf(sqlite);
  const ids: string[] = [];
  for (let i = 0; i < n; i++) {
    const id = newId();
    const now = fields.updatedAt ?? stamp();
    db.insert(equipment)
      .values({
        id,
        originNode: 'test',
        createdAt: now,
        updatedAt: now,
        unitId,
        equipmentCode: fields.equipmentCode === undefined ? null : fields.equipmentCode,
        registrationCode: fields.registrationCode ?? null,
        registrationNo: fields.registrationNo ?? null,
        kindCode: fields.kind ?? '3000',
        categoryCode: fields.category === undefined ? '3100' : fields.category,
        varietyCode: fields.variety === undefined ? '3110' : fields.variety,
        status: fields.status ?? 'in_use',
        location: fields.location ?? null,
        lastInspectionDate: fields.last ?? null,
        nextInspectionDate: fields.next ?? null,
        extra: fields.extra ? JSON.stringify(fields.extra) : null,
      })
      .run();
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
  drizzleOf(sqlite)
    .insert(safetyManagers)
    .values({
      id,
      originNode: 'test',
      createdAt: now,
      updatedAt: now,
      unitId,
      name: fields.name,
      nameInitials: nameInitials(fields.name),
      idNumber: fields.idNumber ?? null,
      itemCode: fields.itemCode === undefined ? 'A' : fields.itemCode,
      certificateNo: fields.certificateNo ?? null,
      issuedDate: fields.issued ?? null,
      expiryDate: fields.expiry ?? null,
      phone: fields.phone ?? null,
      extra: fields.extra ? JSON.stringify(fields.extra) : null,
    })
    .run();
  return id;
}
