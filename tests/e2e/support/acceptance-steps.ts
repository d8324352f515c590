// Test helper for tests/e2e/acceptance.spec.ts, run with tsx (the core's JSON imports
// need it). The office fills the items the spec does not fill through the UI; the city
// bureau's part runs on the bureau's own database through the same contract calls
// its desk would make: the office's bundle in, the decision recorded, a bundle back
// to the office, imported there. Prints one JSON object on stdout.
//   tsx tests/e2e/support/acceptance-steps.ts fill --office DB --unit NAME --skip 4.1,4.7
//   tsx tests/e2e/support/acceptance-steps.ts bureau --office DB --bureau DB --dir DIR --outcome return|pass [--item CODE --comment TEXT]
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

async function bureauRound(): Promise<unknown> {
  const dir = values.dir!;
  const stamp = Date.now();
  let office = open(values.office!, process.env['OFFICE_PASSPHRASE'] ?? '');
  const officeId = (await office.ok('node.get', {}))!.id;
  const up = await office.ok('bundles.export', { outFile: path.join(dir, `office-${stamp}.qklb`) });
  office.core.close();
  const bureau = open(values.bureau!, process.env['BUREAU_PASSPHRASE'] ?? '');
  try {
    const [imported] = await bureau.ok('bundles.import', { paths: [up.file] });
    if (imported!.status !== 'imported') throw new Error(`bureau import: ${imported!.message}`);
    const file = (await bureau.ok('acceptance.list', {})).find((f) => f.state === 'city_review');
    if (!file) throw new Error('no file in 市局验收 at the bureau');
    const outcome = values.outcome as 'pass' | 'return';
    const detail = await bureau.ok('acceptance.decide', {
      fileId: file.id,
      outcome,
      comments: outcome === 'pass' ? '符合示范单位基本要求，同意发牌' : '请按逐项意见整改',
      returnedItems: values.item ? [{ code: values.item, comment: values.comment ?? '请补充' }] : [],
    });
    const down = await bureau.ok('bundles.export', { outFile: path.join(dir, `bureau-${stamp}.qklb`), targetNodeId: officeId });
    office = open(values.office!, process.env['OFFICE_PASSPHRASE'] ?? '');
    const [back] = await office.ok('bundles.import', { paths: [down.file] });
    office.core.close();
    if (back!.status !== 'imported') throw new Error(`office import: ${back!.message}`);
    return { state: detail.state, plaqueNo: detail.plaqueNo, decisions: down.rowCounts['acceptance_decisions'] };
  } finally {
    bureau.core.close();
  }
}

const step = positionals[0];
const result = step === 'fill' ? await fill() : step === 'bureau' ? await bureauRound() : Promise.reject(new Error(`unknown step ${step}`));
process.stdout.write(`${JSON.stringify(result)}\n`);
