// Test helper for tests/e2e/acceptance.spec.ts, run with tsx (the core's JSON imports
// need it). The office fills the items the spec does not fill through the UI; the city
// bureau's part runs on the bureau's own database through the same contract calls
// its desk would make: the office's bundle in, the decision recorded, a bundle back
// to the office, imported there. Prints one JSON object on stdout.
//   tsx tests/e2e/support/acceptance-steps.ts fill --office DB --unit NAME --skip 4.1,4.7
//   tsx tests/e2e/support/acceptance-steps.ts bureau --office DB --bureau DB --dir DIR --outcome return|pass [--item CODE --comment TEXT]
//   tsx tests/e2e/support/acceptance-steps.ts up|down --office DB --bureau DB --dir DIR   (office → bureau, bureau → office)
//   tsx tests/e2e/support/acceptance-steps.ts overdue --office DB   (the first candidate unit's in-use pieces all past their inspection date)
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { CallName, CallOutput } from '../../../electron/api/contract.ts';
import { openCore } from '../../../electron/core/open-core.ts';
import { fillFile } from '../../../electron/core/acceptance/testing/fill.ts';

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: {
    office: { type: 'string' },
    bureau: { type: 'string' },
    dir: { type: 'string' },
    unit: { type: 'string' },
    skip: { type: 'string', default: '' },
    outcome: { type: 'string' },
    item: { type: 'string' },
    comment: { type: 'string' },
  },
});

function open(file: string, passphrase: string) {
  const core = openCore({ file, host: 'cli', actor: 'e2e', keyAccess: { safeStorage: null, passphrase } });
  const ok = async <K extends CallName>(name: K, input: unknown): Promise<CallOutput<K>> => {
    const result = await core.call(name, input);
    if (!result.ok) throw new Error(`${name}: ${result.message}`);
    return result.value;
  };
  return { core, ok };
}

async function fill(): Promise<unknown> {
  const office = open(values.office!, process.env['OFFICE_PASSPHRASE'] ?? '');
  try {
    const summary = (await office.ok('acceptance.list', {})).find((f) => f.unitName === values.unit);
    if (!summary) throw new Error(`no file for ${values.unit}`);
    const detail = await office.ok('acceptance.get', { id: summary.id });
    const skip = new Set(values.skip!.split(',').filter(Boolean));
    await fillFile({ ok: (name, input) => office.ok(name as CallName, input) }, { ...detail, areas: detail.areas.map((a) => ({ ...a, items: a.items.filter((i) => !skip.has(i.code)) })) });
    return { id: summary.id };
  } finally {
    office.core.close();
  }
}

/**
 * A unit whose ledger says its in-use pieces are all overdue, as the unit was:
 * the first unit the picker lists, with every in-use piece's next inspection date in 2020.
 */
async function overdue(): Promise<unknown> {
  const office = open(values.office!, process.env['OFFICE_PASSPHRASE'] ?? '');
  try {
    const [unit] = await office.ok('acceptance.candidates', { limit: 1 });
    if (!unit) throw new Error('no candidate unit');
    const changed = office.core.ctx.database.sqlite
      .prepare("UPDATE equipment SET next_inspection_date = '2020-06-30' WHERE unit_id = ? AND status = 'in_use' AND deleted_at IS NULL")
      .run(unit.id).changes;
    return { name: unit.name, uscc: unit.uscc, overdue: changed };
  } finally {
    office.core.close();
  }
}

/** The office's next bundle, imported at the bureau. */
async function up(stamp: number): Promise<void> {
  const office = open(values.office!, process.env['OFFICE_PASSPHRASE'] ?? '');
  const bundle = await office.ok('bundles.export', { outFile: path.join(values.dir!, `office-${stamp}.qklb`) }).finally(() => office.core.close());
  const bureau = open(values.bureau!, process.env['BUREAU_PASSPHRASE'] ?? '');
  const [imported] = await bureau.ok('bundles.import', { paths: [bundle.file] }).finally(() => bureau.core.close());
  if (imported!.status !== 'imported') throw new Error(`bureau import: ${imported!.message}`);
}

/** The bureau's next bundle to the office, imported there; the number of decisions it carried. */
async function down(stamp: number): Promise<number> {
  const office = open(values.office!, process.env['OFFICE_PASSPHRASE'] ?? '');
  const officeId = (await office.ok('node.get', {}))!.id;
  const bureau = open(values.bureau!, process.env['BUREAU_PASSPHRASE'] ?? '');
  try {
    const bundle = await bureau.ok('bundles.export', { outFile: path.join(values.dir!, `bureau-${stamp}.qklb`), targetNodeId: officeId });
    const [back] = await office.ok('bundles.import', { paths: [bundle.file] });
    if (back!.status !== 'imported') throw new Error(`office import: ${back!.message}`);
    return bundle.rowCounts['acceptance_decisions'] ?? 0;
  } finally {
    bureau.core.close();
    office.core.close();
  }
}

async function decide(): Promise<{ state: string; plaqueNo: string | null }> {
  const bureau = open(values.bureau!, process.env['BUREAU_PASSPHRASE'] ?? '');
  try {
    const file = (await bureau.ok('acceptance.list', {})).find((f) => f.state === 'city_review');
    if (!file) throw new Error('no file in 市局验收 at the bureau');
    const outcome = values.outcome as 'pass' | 'return';
    const detail = await bureau.ok('acceptance.decide', {
      fileId: file.id,
      outcome,
      comments: outcome === 'pass' ? '符合示范单位基本要求，同意发牌' : '请按逐项意见整改',
      returnedItems: values.item ? [{ code: values.item, comment: values.comment ?? '请补充' }] : [],
    });
    return { state: detail.state, plaqueNo: detail.plaqueNo };
  } finally {
    bureau.core.close();
  }
}

async function bureauRound(): Promise<unknown> {
  const stamp = Date.now();
  await up(stamp);
  const decided = await decide();
  return { ...decided, decisions: await down(stamp) };
}

const step = positionals[0];
const steps: Record<string, () => Promise<unknown>> = {
  fill,
  overdue,
  bureau: bureauRound,
  up: async () => (await up(Date.now()), {}),
  down: async () => ({ decisions: await down(Date.now()) }),
};
const run = step ? steps[step] : undefined;
if (!run) throw new Error(`unknown step ${step}`);
const result = await run();
process.stdout.write(`${JSON.stringify(result)}\n`);
