import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

// No module of the core, the contract, the hosts, the database layer, the renderer or
// the scripts may import itself back through others: a cycle makes the order of
// evaluation decide whether a value is there yet, and it ties two parts that should
// be read apart. The walk reads each file's import and export-from statements with
// the TypeScript parser.

const root = path.resolve(import.meta.dirname, '../..');
const SCANNED = ['electron', 'db', 'renderer', 'scripts'];

type Graph = Map<string, { runtime: string[]; all: string[] }>;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return ['node_modules', 'migrations', 'dist'].includes(entry.name) ? [] : sourceFiles(full);
    return /\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

function typeOnly(statement: ts.ImportDeclaration | ts.ExportDeclaration): boolean {
  if (ts.isExportDeclaration(statement)) return statement.isTypeOnly;
  const clause = statement.importClause;
  if (!clause) return false; // a side-effect import runs the module
  if (clause.isTypeOnly) return true;
  const named = clause.namedBindings;
  return !clause.name && !!named && ts.isNamedImports(named) && named.elements.length > 0 && named.elements.every((e) => e.isTypeOnly);
}

function importGraph(files: readonly string[]): Graph {
  const graph: Graph = new Map();
  for (const file of files) {
    const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, false);
    const edges = { runtime: [] as string[], all: [] as string[] };
    for (const statement of source.statements) {
      if (!ts.isImportDeclaration(statement) && !ts.isExportDeclaration(statement)) continue;
      const specifier = statement.moduleSpecifier;
      if (!specifier || !ts.isStringLiteral(specifier) || !specifier.text.startsWith('.')) continue;
      const target = path.resolve(path.dirname(file), specifier.text);
      if (!existsSync(target)) continue;
      edges.all.push(target);
      if (!typeOnly(statement)) edges.runtime.push(target);
    }
    graph.set(file, edges);
  }
  return graph;
}

/** Strongly connected groups of more than one file (Tarjan), as sorted repository paths. */
function cycles(graph: Graph, kind: 'runtime' | 'all'): string[][] {
  let next = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (file: string): void => {
    index.set(file, next);
    low.set(file, next++);
    stack.push(file);
    onStack.add(file);
    for (const target of graph.get(file)?.[kind] ?? []) {
      if (!graph.has(target)) continue;
      if (!index.has(target)) {
        visit(target);
        low.set(file, Math.min(low.get(file)!, low.get(target)!));
      } else if (onStack.has(target)) {
        low.set(file, Math.min(low.get(file)!, index.get(target)!));
      }
    }
    if (low.get(file) !== index.get(file)) return;
    const group: string[] = [];
    let member: string;
    do {
      member = stack.pop()!;
      onStack.delete(member);
      group.push(path.relative(root, member).split(path.sep).join('/'));
    } while (member !== file);
    if (group.length > 1) found.push(group.sort());
  };
  for (const file of graph.keys()) if (!index.has(file)) visit(file);
  return found.sort((a, b) => a[0]!.localeCompare(b[0]!));
}

describe('import cycles', () => {
  const graph = importGraph(SCANNED.flatMap((dir) => sourceFiles(path.join(root, dir))));

  it('reads the whole tree', () => {
    expect(graph.size).toBeGreaterThan(900);
    expect(graph.get(path.join(root, 'electron/core/node/node-init.ts'))?.runtime).toContain(path.join(root, 'electron/core/keys/node-keys.ts'));
  });

  it('finds none between modules at run time', () => {
    expect(cycles(graph, 'runtime')).toEqual([]);
  });

  it('finds none through type imports either', () => {
    expect(cycles(graph, 'all')).toEqual([]);
  });

  it('would see a cycle', () => {
    const a = path.join(root, 'a.ts');
    const b = path.join(root, 'b.ts');
    const probe: Graph = new Map([
      [a, { runtime: [b], all: [b] }],
      [b, { runtime: [], all: [a] }],
    ]);
    expect(cycles(probe, 'runtime')).toEqual([]);
    expect(cycles(probe, 'all')).toEqual([['a.ts', 'b.ts']]);
  });
});
