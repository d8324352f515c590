import { generateDistrict } from '../../../scripts/sample-data/generate.ts';
import { writeLedgerXlsx } from '../../../scripts/sample-data/write-xlsx.ts';

/** A generated 塘桥 ledger of exactly `pieces` pieces of equipment (with their units and managers), as xlsx. */
export async function writeLargeLedger(file: string, pieces: number, seed = 7): Promise<void> {
  const model = generateDistrict({ seed, units: Math.ceil(pieces / 15) });
  if (model.equipment.length < pieces) throw new Error(`only ${model.equipment.length} pieces generated`);
  model.equipment.length = pieces;
  const present = new Set(model.equipment.map((e) => e.unitIndex));
  model.managers = model.managers.filter((m) => present.has(m.unitIndex));
  await writeLedgerXlsx(model, file, { defects: false });
}
