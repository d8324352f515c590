// generateDistrict: a deterministic, realistic district (units, equipment, managers) from a
// seed. Tests, benchmarks and e2e rely on the guarantees documented on the function.
import { isoDay, parseDay } from './dates.ts';
import { makeUnitEquipment } from './equipment-gen.ts';
import { makeUscc, Serials } from './identifiers.ts';
import { makeUnitManagers, type AScenario, type ManagerContext } from './managers-gen.ts';
import {
  DEFAULT_AS_OF,
  DEFAULT_MANAGERS_PER_UNIT,
  DEFAULT_SIZE_BANDS,
  type GenerateOptions,
  type SampleModel,
  type SampleUnit,
  type SizeBand,
  type UnitProfile,
} from './model.ts';
import { Rng } from './prng.ts';
import { INDUSTRIES, TOWNS, TOWN_WEIGHTS, TRADE_CHARS, type Industry } from './words.ts';

export * from './model.ts';

const INDUSTRY_WEIGHTS: Readonly<Record<Industry, number>> = {
  machinery: 25, property: 18, textile: 12, logistics: 10, chemical: 8, food: 8, hotel: 8, metallurgy: 6, hospital: 3, gas: 2,
};
const HUGE_INDUSTRIES: readonly Industry[] = ['metallurgy', 'chemical', 'property', 'machinery', 'textile', 'logistics', 'hospital'];
const SCENARIO_WEIGHTS: Readonly<Record<AScenario, number>> = { valid: 70, expired: 15, none: 15 };
const CYLINDER_INDUSTRIES: readonly Industry[] = ['gas', 'gas', 'hospital', 'machinery'];

function pickBands(rng: Rng, count: number, bands: readonly SizeBand[]): SizeBand[] {
  const weights = Object.fromEntries(bands.map((b, i) => [String(i), b.weight]));
  const chosen = Array.from({ length: count }, () => bands[Number(rng.weighted(weights))]!);
  if (count < 5) return chosen;
  // Guarantees: 3 units surely on list 1 (one per A scenario) and one cylinder-only case.
  const bandOf = (p: UnitProfile) => bands.find((b) => b.profile === p) ?? DEFAULT_SIZE_BANDS.find((b) => b.profile === p)!;
  const need: UnitProfile[] = [];
  const big = chosen.filter((b) => b.profile === 'large' || b.profile === 'huge').length;
  for (let i = big; i < 3; i++) need.push('large');
  if (!chosen.some((b) => b.profile === 'cylinders')) need.push('cylinders');
  let at = 0;
  for (const profile of need) {
    while (chosen[at]!.profile === 'large' || chosen[at]!.profile === 'huge' || chosen[at]!.profile === 'cylinders') at++;
    chosen[at] = bandOf(profile);
  }
  return chosen;
}

function makeUnit(rng: Rng, profile: UnitProfile, districtName: string, block: number, usedNames: Set<string>, usedUscc: Set<string>): SampleUnit {
  const industryKey =
    profile === 'huge' ? rng.pick(HUGE_INDUSTRIES) : profile === 'cylinders' ? rng.pick(CYLINDER_INDUSTRIES) : rng.weighted(INDUSTRY_WEIGHTS);
  const townName = rng.weighted(TOWN_WEIGHTS);
  const town = TOWNS.find((t) => t.name === townName)!;
  const info = INDUSTRIES[industryKey];
  let name = '';
  do {
    const trade = rng.pick(TRADE_CHARS) + rng.pick(TRADE_CHARS);
    name = rng.pick(info.names).replace('{t}', trade).replace('{town}', town.name);
  } while (trade2Repeats(name) || usedNames.has(name));
  usedNames.add(name);
  const street = `${rng.pick(town.roads)}${rng.int(1, 399)}号`;
  const address = rng.chance(0.25) ? `张家港市${town.label}${rng.pick(town.parks)}${street}` : `${rng.chance(0.15) ? '江苏省' : ''}张家港市${town.label}${street}`;
  return { name, uscc: makeUscc(rng, block, usedUscc), address, districtName, industry: info.label, industryKey, profile };
}

/** 华华 is not a trade name anyone registers. */
function trade2Repeats(name: string): boolean {
  return /(.)\1/.test(name.replace(/^张家港市?/, ''));
}

/**
 * Generates a district. Guarantees (for `units` ≥ 5, whatever the size bands):
 * - at least 3 units with ≥ 20 pieces in use that are not gas cylinders (list 1);
 *   of the first three of them, one has a valid A certificate, one only expired A
 *   certificates, and one no A certificate at all;
 * - at least one unit with fewer than 20 such pieces that reaches 20 only when its gas
 *   cylinders (2310) are counted, so the exclusion of cylinders matters;
 * - inspection dates overdue, due within 30 days, later and unknown; certificates
 *   expired, expiring within 90 days and valid; exactly one legacy A1 certificate;
 * - credit codes, 设备代码, 注册代码, 使用登记证编号 and 证书编号 unique within the model, and
 *   disjoint between seeds that differ modulo 9 (several models can share a database).
 */
export function generateDistrict(options: GenerateOptions): SampleModel {
  const rng = new Rng(options.seed);
  const asOf = isoDay(options.asOf ?? parseDay(DEFAULT_AS_OF));
  const districtName = options.districtName ?? '塘桥';
  const perUnit = options.managersPerUnit ?? DEFAULT_MANAGERS_PER_UNIT;
  const block = ((options.seed % 9) + 9) % 9;
  const serials = new Serials(rng, block);
  const bands = pickBands(rng, options.units, options.equipmentPerUnit ?? DEFAULT_SIZE_BANDS);
  const usedNames = new Set<string>();
  const usedUscc = new Set<string>();
  const model: SampleModel = { seed: options.seed, asOf, districtName, units: [], equipment: [], managers: [] };
  const managerCtx: ManagerContext = { rng, serials, asOf, usedIds: new Set(), legacyDone: false };
  const forced: AScenario[] = ['none', 'expired', 'valid'];

  bands.forEach((band, unitIndex) => {
    const unit = makeUnit(rng, band.profile, districtName, block, usedNames, usedUscc);
    const equipment = makeUnitEquipment({ rng, serials, asOf }, unit, unitIndex, band);
    let scenario: AScenario | null = null;
    if (unit.profile === 'large' || unit.profile === 'huge') {
      scenario = forced.shift() ?? rng.weighted(SCENARIO_WEIGHTS);
    }
    model.units.push(unit);
    model.equipment.push(...equipment);
    model.managers.push(...makeUnitManagers(managerCtx, unit, unitIndex, equipment, perUnit, scenario));
  });
  return model;
}
