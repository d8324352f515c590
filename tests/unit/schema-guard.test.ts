import { execFileSync } from 'node:child_process';
import { cpSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { tempDir } from '../support/temp.ts';

// Schema guard (docs/ARCHITECTURE.md, "Database"): the drizzle schema and the committed migrations must
// agree, and a destructive statement needs to be listed as intended, because the
// bureau imports bundles from offices still on older versions.
const migrationsDir = path.resolve('db/migrations');
const temps: ReturnType<typeof tempDir>[] = [];
afterEach(() => temps.splice(0).forEach((t) => t.cleanup()));

describe('schema guard', () => {
  it('has a committed migration for every change to db/schema', () => {
    const t = tempDir();
    temps.push(t);
    const out = t.file('migrations');
    cpSync(migrationsDir, out, { recursive: true });
    // drizzle-kit prefixes "./" to --out, so it must be relative; it also exits 0 on errors, hence the output check.
    const printed = execFileSync('npx', ['drizzle-kit', 'generate', '--dialect', 'sqlite', '--schema', './db/schema/index.ts', '--out', path.relative(process.cwd(), out)], {
      encoding: 'utf8',
      stdio: 'pipe',
    });
    expect(printed).toMatch(/No schema changes|migration file/);
    const added = readdirSync(out).filter((f) => !readdirSync(migrationsDir).includes(f));
    expect(added, 'db/schema changed without a migration: run npm run db:generate and commit the result').toEqual([]);
  }, 60_000);

  it('has no destructive statement that is not listed as intended', () => {
    const intended: string[] = JSON.parse(readFileSync(path.join(migrationsDir, '..', 'intended-destructive.json'), 'utf8'));
    const destructive = /\b(DROP\s+TABLE|DROP\s+COLUMN|RENAME\s+(TO|COLUMN)|DELETE\s+FROM)\b/i;
    const found = readdirSync(migrationsDir)
      .filter((f) => f.endsWith('.sql'))
      .flatMap((f) =>
        readFileSync(path.join(migrationsDir, f), 'utf8')
          .split('--> statement-breakpoint')
          .filter((s) => destructive.test(s.replace(/^--.*$/gm, '')))
          .map((s) => `${f}: ${s.trim().split('\n')[0]}`),
      );
    expect(found.filter((f) => !intended.some((i) => f.startsWith(i)))).toEqual([]);
  });
});
