import type Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dataDigest, exchangeNode, trustEachOther, type ExchangeNode } from '../../../tests/support/exchange.ts';
import { hostileBundle, syncColumns, type Rows } from '../../../tests/support/hostile-bundle.ts';
import { tableLabel, tablePolicies, type Scope } from './authority.ts';
import { rowAuthority } from './authorize.ts';
import { syncedTables, type SyncedTable } from './tables.ts';

// Row authority (docs/SECURITY.md): bundles signed with a genuine enrolled key, made by
// hand with rows their sender has no authority over. Each must be refused as a whole,
// with reason foreign-rows, recorded in the audit log, and leave every table as it was.

let bureau: ExchangeNode;
let office: ExchangeNode; // 塘桥, the sender
let other: ExchangeNode; // 锦丰, whose rows the sender reaches for
const OWN_DISTRICT = 'seed-district-03';
const OTHER_DISTRICT = 'seed-district-04';

beforeAll(async () => {
  bureau = await exchangeNode('bureau', '张家港市市场监督管理局');
  office = await exchangeNode('district', '塘桥分局', OWN_DISTRICT);
  other = await exchangeNode('district', '锦丰分局', OTHER_DISTRICT);
  await trustEachOther(office, bureau);
  await trustEachOther(other, bureau);
});
afterAll(() => [bureau, office, other].forEach((n) => n.cleanup()));

type Column = { name: string; type: string; notnull: number; dflt_value: unknown; pk: number };

/**
 * Puts a row of `table` owned by `origin` straight into a database, as if an earlier
 * bundle had brought it: every NOT NULL column gets a value of its type, constraints aside.
 */
function plant(sqlite: Database.Database, table: SyncedTable, origin: string, id: string): void {
  const columns = sqlite.prepare(`PRAGMA table_info(${table})`).all() as Column[];
  const row: Record<string, unknown> = { ...syncColumns(origin, id) };
  for (const c of columns) {
    if (c.name in row || !c.notnull || c.dflt_value !== null) continue;
    row[c.name] = c.name === 'district_id' ? (origin === office.id ? OWN_DISTRICT : OTHER_DISTRICT) : /INT|REAL/i.test(c.type) ? 1 : `${table}-${c.name}-${id}`;
  }
  sqlite.pragma('foreign_keys = OFF');
  sqlite.pragma('ignore_check_constraints = ON');
  try {
    const names = Object.keys(row);
    sqlite.prepare(`INSERT INTO ${table} (${names.join(', ')}) VALUES (${names.map(() => '?').join(', ')})`).run(...names.map((n) => row[n]));
  } finally {
    sqlite.pragma('ignore_check_constraints = OFF');
    sqlite.pragma('foreign_keys = ON');
  }
}

const ownId = (table: string) => `own-${table}`;
const otherId = (table: string) => `other-${table}`;

/** A row the sender would be entitled to send: every scope satisfied. */
function entitledRow(table: SyncedTable, sender: ExchangeNode, receiver: ExchangeNode, ownParent: (t: string) => string): Record<string, unknown> {
  const row: Record<string, unknown> = { ...syncColumns(sender.id, `hostile-${table}-${Math.random().toString(36).slice(2)}`) };
  for (const scope of tablePolicies[table].scopes) {
    if (scope.kind === 'district') row[scope.column] = OWN_DISTRICT;
    else if (scope.kind === 'owned') row[scope.column] = ownParent(scope.table);
    else if (scope.kind === 'sender') row[scope.column] = sender.id;
    else if (scope.kind === 'receiver') row[scope.column] = receiver.id;
    else row[scope.column] = ownParent(scope.table);
  }
  return row;
}

async function expectRefused(from: ExchangeNode, to: ExchangeNode, rows: Rows, message: RegExp) {
  const before = dataDigest(to);
  const file = await hostileBundle(from, to, rows);
  const [result] = await to.ok('bundles.import', { paths: [file] });
  expect(result, JSON.stringify(rows)).toMatchObject({ status: 'refused', reason: 'foreign-rows' });
  expect(result!.message).toMatch(message);
  expect(dataDigest(to)).toBe(before);
  const audit = to.core.ctx.database.sqlite.prepare("SELECT after FROM audit_log WHERE call = 'bundles.import' ORDER BY seq DESC LIMIT 1").get() as { after: string };
  expect(JSON.parse(audit.after)).toMatchObject({ status: 'refused', reason: 'foreign-rows' });
}

describe('row authority at the bureau', () => {
  beforeAll(() => {
    const sqlite = bureau.core.ctx.database.sqlite;
    for (const table of syncedTables) {
      plant(sqlite, table, office.id, ownId(table));
      plant(sqlite, table, other.id, otherId(table));
    }
  });

  const officeTables = syncedTables.filter((t) => tablePolicies[t].origins.includes('district'));
  const bureauOnly = syncedTables.filter((t) => !tablePolicies[t].origins.includes('district'));

  it('lists the bureau’s own tables: its decisions, reviews, pool, key statements and the district list', () => {
    expect(bureauOnly).toEqual(['districts', 'acceptance_decisions', 'city_templates', 'supervisor_pool', 'training_registry', 'summary_reviews', 'bureau_key_statements']);
  });

  it.each(bureauOnly)('refuses %s from an office', async (table) => {
    await expectRefused(office, bureau, { [table]: [entitledRow(table, office, bureau, ownId)] }, /不能报送此类数据|只有市局能发出密钥声明/);
  });

  const violations = officeTables.flatMap((table) => tablePolicies[table].scopes.map((scope) => [table, scope] as [SyncedTable, Scope]));

  it.each(violations)('refuses %s whose %o is not the sender’s', async (table, scope) => {
    const hostile = entitledRow(table, office, bureau, ownId);
    if (scope.kind === 'district') {
      hostile[scope.column] = OTHER_DISTRICT;
      await expectRefused(office, bureau, { [table]: [hostile] }, /属于其他辖区（锦丰）/);
    } else if (scope.kind === 'owned') {
      hostile[scope.column] = otherId(scope.table);
      await expectRefused(office, bureau, { [table]: [hostile] }, new RegExp(`引用的${tableLabel(scope.table)}（编号 ${otherId(scope.table)}）不是塘桥分局建立的记录`));
      hostile[scope.column] = 'no-such-row';
      await expectRefused(office, bureau, { [table]: [hostile] }, /不是塘桥分局建立的记录/);
    } else if (scope.kind === 'sender') {
      hostile[scope.column] = other.id;
      await expectRefused(office, bureau, { [table]: [hostile] }, /写明由其他单位/);
    } else {
      throw new Error(`an office table with a ${scope.kind} scope`);
    }
  });

  it('refuses a whole bundle for one hostile row among entitled ones', async () => {
    const unit = (n: number, district: string) => ({ ...syncColumns(office.id), district_id: district, name: `张家港市塘桥${n}号机械有限公司`, uscc: `91320582MA1TEST00${n}` });
    const units = [unit(1, OWN_DISTRICT), unit(2, OWN_DISTRICT), unit(3, OTHER_DISTRICT)];
    await expectRefused(office, bureau, { units }, /属于其他辖区/);
  });

  it('judges a reference to a row merged later in the same bundle once every table is in', () => {
    const sqlite = bureau.core.ctx.database.sqlite;
    const sender = { id: office.id, name: '塘桥分局', role: 'district' as const, districtId: OWN_DISTRICT };
    const hazard = { ...entitledRow('hazards', office, bureau, ownId), source_inspection_id: 'record-in-this-bundle' };
    const authority = rowAuthority(sqlite, sender, bureau.id, new Set(['hazards', 'inspection_records']));
    authority.checkRow('hazards', hazard);
    expect(() => authority.finish()).toThrow(/引用的检查记录（编号 record-in-this-bundle）不是塘桥分局建立的记录/);
    // the same reference, the record having arrived meanwhile as the sender's own
    const later = rowAuthority(sqlite, sender, bureau.id, new Set(['hazards', 'inspection_records']));
    later.checkRow('hazards', hazard);
    plant(sqlite, 'inspection_records', office.id, 'record-in-this-bundle');
    try {
      expect(() => later.finish()).not.toThrow();
    } finally {
      sqlite.prepare("DELETE FROM inspection_records WHERE id = 'record-in-this-bundle'").run();
    }
    // and without the record's table in the bundle, at once
    const absent = rowAuthority(sqlite, sender, bureau.id, new Set(['hazards']));
    expect(() => absent.checkRow('hazards', hazard)).toThrow(/不是塘桥分局建立的记录/);
  });

  it('refuses a bundle whose sender claims another district than it enrolled with', async () => {
    const before = dataDigest(bureau);
    const sqlite = office.core.ctx.database.sqlite;
    sqlite.prepare('UPDATE node_identity SET district_id = ?').run(OTHER_DISTRICT);
    try {
      const file = await hostileBundle(office, bureau, { units: [{ ...entitledRow('units', office, bureau, ownId), district_id: OTHER_DISTRICT }] });
      const [result] = await bureau.ok('bundles.import', { paths: [file] });
      expect(result).toMatchObject({ status: 'refused', reason: 'unknown-signer' });
    } finally {
      sqlite.prepare('UPDATE node_identity SET district_id = ?').run(OWN_DISTRICT);
    }
    expect(dataDigest(bureau)).toBe(before);
  });
});

describe('row authority at an office', () => {
  beforeAll(() => {
    const sqlite = office.core.ctx.database.sqlite;
    for (const table of syncedTables) {
      plant(sqlite, table, office.id, ownId(table));
      plant(sqlite, table, other.id, otherId(table));
    }
  });

  const officeTables = syncedTables.filter((t) => !tablePolicies[t].origins.includes('bureau'));

  it.each(officeTables)('refuses %s from the bureau', async (table) => {
    await expectRefused(bureau, office, { [table]: [entitledRow(table, bureau, office, ownId)] }, /市局不能报送此类数据/);
  });

  it.each(['acceptance_decisions', 'summary_reviews'] as const)('refuses %s meant for another office or about its file', async (table) => {
    const forOther = entitledRow(table, bureau, office, ownId);
    forOther['office_node'] = other.id;
    await expectRefused(bureau, office, { [table]: [forOther] }, /是发给其他单位的/);
    const aboutOther = entitledRow(table, bureau, office, ownId);
    const scope = tablePolicies[table].scopes.find((s) => s.kind === 'receiverOwned')!;
    aboutOther[scope.column] = otherId(scope.kind === 'receiverOwned' ? scope.table : '');
    await expectRefused(bureau, office, { [table]: [aboutOther] }, /不是本单位的记录/);
  });
});

describe('the policy', () => {
  it('covers every column that names a row of another synced table or a district', async () => {
    const sqlite = bureau.core.ctx.database.sqlite;
    const uncovered: string[] = [];
    for (const table of syncedTables) {
      const policy = tablePolicies[table];
      const covered = new Set([...policy.scopes.map((s) => s.column), ...Object.keys(policy.crossNode ?? {})]);
      const columns = (sqlite.prepare(`PRAGMA table_info(${table})`).all() as Column[]).map((c) => c.name);
      const references = (sqlite.prepare(`PRAGMA foreign_key_list(${table})`).all() as Array<{ table: string; from: string }>).filter((f) => (syncedTables as readonly string[]).includes(f.table)).map((f) => f.from);
      const named = columns.filter((c) => c === 'district_id' || c === 'office_node' || /_(id|node)$/.test(c) && c !== 'origin_node');
      for (const column of new Set([...references, ...named])) if (!covered.has(column)) uncovered.push(`${table}.${column}`);
    }
    expect(uncovered).toEqual([]);
  });
});
