import type Database from 'better-sqlite3';
import type { NodeRole } from '../../api/schemas/node.ts';
import { BundleRefusal } from '../bundles/format/types.ts';
import { tableLabel, tablePolicies, type Scope } from './authority.ts';
import { syncedTables, type SyncedTable } from './tables.ts';

// Enforces the row authority of authority.ts while a bundle is merged: the first row
// its sender may not originate refuses the whole bundle (docs/SECURITY.md).

/** The sender as this node enrolled it (its key's role and district), never as the bundle claims. */
export interface Sender {
  id: string;
  name: string;
  role: NodeRole;
  districtId: string | null;
}

type Row = Record<string, string | number | null>;

const roleNames: Record<NodeRole, string> = { district: '分局', training: '培训中心', bureau: '市局' };

function refuse(message: string): never {
  throw new BundleRefusal('foreign-rows', message);
}

/**
 * A checker for the rows of one bundle. Lookups of parent rows are cached: a bundle
 * of 100,000 pieces of equipment names a few thousand units.
 */
export function rowAuthority(sqlite: Database.Database, sender: Sender, receiverId: string, tablesInBundle: ReadonlySet<string>) {
  const originOf = new Map<SyncedTable, Database.Statement<[string], string>>();
  const known = new Map<string, string>();

  function origin(table: SyncedTable, id: string): string | null {
    const key = `${table}\u0000${id}`;
    let found = known.get(key);
    if (found === undefined) {
      let statement = originOf.get(table);
      if (!statement) originOf.set(table, (statement = sqlite.prepare<[string], string>(`SELECT origin_node FROM ${table} WHERE id = ?`).pluck()));
      found = statement.get(id);
      // only what exists is remembered: a parent may be merged later in the same bundle
      if (found !== undefined) known.set(key, found);
    }
    return found ?? null;
  }

  const deferred: Array<{ what: string; scope: Extract<Scope, { kind: 'owned' }>; id: string }> = [];

  function notOwned(what: string, scope: Extract<Scope, { kind: 'owned' }>, id: string): never {
    refuse(`${what}引用的${tableLabel(scope.table)}（编号 ${id}）不是${sender.name}建立的记录：一个单位的数据包不能改动或挂靠其他单位的数据。`);
  }

  function districtName(id: string): string {
    return sqlite.prepare<[string], string>('SELECT name FROM districts WHERE id = ?').pluck().get(id) ?? id;
  }

  function checkScope(table: SyncedTable, row: Row, scope: Scope): void {
    const label = tableLabel(table);
    const value = row[scope.column];
    const what = `数据包中的${label}（编号 ${String(row['id'])}）`;
    if (value === null || value === undefined) {
      if ('nullable' in scope && scope.nullable) return;
      refuse(`${what}缺少归属信息（${scope.column}），无法确认它属于报送单位。`);
    }
    const text = String(value);
    switch (scope.kind) {
      case 'district':
        if (sender.districtId === null || text !== sender.districtId) {
          refuse(`${what}属于其他辖区（${districtName(text)}），${sender.name}只能报送本辖区的数据。`);
        }
        return;
      case 'owned': {
        const parent = origin(scope.table, text);
        // a parent merged later than its child (a hazard names the inspection record it came from) is judged at the end
        if (parent === null && tablesInBundle.has(scope.table) && syncedTables.indexOf(scope.table) > syncedTables.indexOf(table)) {
          deferred.push({ what, scope, id: text });
          return;
        }
        if (parent !== sender.id) notOwned(what, scope, text);
        return;
      }
      case 'sender':
        if (text !== sender.id) refuse(`${what}写明由其他单位（${text}）签发，与报送单位${sender.name}不符。`);
        return;
      case 'receiver':
        if (text !== receiverId) refuse(`${what}是发给其他单位的，不能导入本单位。`);
        return;
      case 'receiverOwned':
        if (origin(scope.table, text) !== receiverId) {
          refuse(`${what}针对的${tableLabel(scope.table)}（编号 ${text}）不是本单位的记录。`);
        }
        return;
    }
  }

  return {
    /**
     * May the sender originate rows of this table, and do the row's scoping columns name
     * what belongs to the sender (and, for the bureau's rows, to us)? Judged per row: an
     * empty entry of a table (older versions wrote one for every table) carries nothing.
     */
    checkRow(table: SyncedTable, row: Row): void {
      if (!tablePolicies[table].origins.includes(sender.role)) {
        refuse(`数据包中含有${tableLabel(table)}记录（编号 ${String(row['id'])}），但${roleNames[sender.role]}不能报送此类数据，整个数据包已拒收。`);
      }
      for (const scope of tablePolicies[table].scopes) checkScope(table, row, scope);
    },
    /** After every table was merged: the references to rows merged after their referrer. */
    finish(): void {
      for (const { what, scope, id } of deferred.splice(0)) {
        if (origin(scope.table, id) !== sender.id) notOwned(what, scope, id);
      }
    },
  };
}

export type RowAuthority = ReturnType<typeof rowAuthority>;
