import type Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import type { Db } from './open.ts';
import * as schema from './schema/index.ts';

const builders = new WeakMap<Database.Database, Db>();

/**
 * drizzle's typed builder over a handle the caller holds without its OpenedDatabase
 * (a test fixture, a step handed only the handle): one per handle, writing on the
 * handle itself, so inside the caller's transaction and under the same triggers.
 */
export function drizzleOf(sqlite: Database.Database): Db {
  let db = builders.get(sqlite);
  if (!db) {
    db = drizzle(sqlite, { schema });
    builders.set(sqlite, db);
  }
  return db;
}
