// Test helper run with tsx (Playwright's own loader cannot load the generator: the core's
// catalogue imports JSON without an import attribute, which plain Node ESM refuses).
// Prints one JSON object on stdout.
//   tsx tests/e2e/support/sample-data.ts insert --db FILE --units N --seed S
//     inserts a generated district dated today (Asia/Shanghai) and prints its facts
//   tsx tests/e2e/support/sample-data.ts ledger --out FILE.xlsx --units N --seed S [--defects]
//     writes the district as a ledger file and prints what was written and the expected report
import { parseArgs } from 'node:util';
import Database from 'better-sqlite3';
import { parseDay } from '../../../scripts/sample-data/dates.ts';
import { countsForScreening, generateDistrict, type SampleModel } from '../../../scripts/sample-data/generate.ts';
import { insertModel } from '../../../scripts/sample-data/insert.ts';
import { writeLedgerXlsx } from '../../../scripts/sample-data/write-xlsx.ts';
import type { SampleFacts } from './sample-facts.ts';

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: {
    db: { type: 'string' },
    out: { type: 'string' },
    units: { type: 'string' },
    seed: { type: 'string' },
    defects: { type: 'boolean', default: false },
  },
});

const today = new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' });
const model = generateDistrict({ units: Number(values.units), seed: Number(values.seed), asOf: parseDay(today) });

function facts(m: SampleModel): SampleFacts {
  return {
    asOf: m.asOf,
    units: m.units.map((unit, i) => {
      const own = m.equipment.filter((e) => e.unitIndex === i);
      return { name: unit.name, uscc: unit.uscc, counted: own.filter(countsForScreening).length, inUse: own.filter((e) => e.status === '在用').length };
    }),
    equipment: m.equipment.length,
    managers: m.managers.length,
  };
}

if (positionals[0] === 'insert') {
  const sqlite = new Database(values.db!);
  try {
    const node = sqlite.prepare('SELECT id, district_id AS districtId FROM node_identity').get() as { id: string; districtId: string };
    insertModel(sqlite, model, { nodeId: node.id, districtId: node.districtId });
  } finally {
    sqlite.close();
  }
  console.log(JSON.stringify(facts(model)));
} else if (positionals[0] === 'ledger') {
  const written = await writeLedgerXlsx(model, values.out!, { defects: values.defects });
  console.log(JSON.stringify({ ...written, facts: facts(model) }));
} else {
  console.error('usage: sample-data.ts insert|ledger …');
  process.exit(1);
}
