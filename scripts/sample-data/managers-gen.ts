// Safety managers and operators of one unit, with certificates whose expiry spreads
// around asOf: valid, expiring within 90 days, expired.
import { addDays, addYears } from './dates.ts';
import { makeCertificateNo, makeIdNumber, makeMobile, type Serials } from './identifiers.ts';
import type { ManagersPerUnit, SampleEquipment, SampleManager, SampleUnit } from './model.ts';
import type { Rng } from './prng.ts';
import { GIVEN_FIRST, GIVEN_SECOND, MOBILE_PREFIXES, SURNAMES } from './words.ts';

/** For units on list 1: whether list 2 will find a valid A certificate for them. */
export type AScenario = 'valid' | 'expired' | 'none';

export interface ManagerContext {
  rng: Rng;
  serials: Serials;
  asOf: string;
  usedIds: Set<string>;
  /** the one legacy A1 certificate (merged into A in 2020) has been handed out */
  legacyDone: boolean;
}

type Expiry = 'later' | 'soon' | 'expired';
const EXPIRY_WEIGHTS: Readonly<Record<Expiry, number>> = { later: 76, soon: 12, expired: 12 };

function personName(rng: Rng): string {
  const given = rng.chance(0.3) ? rng.pick(GIVEN_SECOND) : rng.pick(GIVEN_FIRST) + rng.pick(GIVEN_SECOND);
  return rng.pick(SURNAMES) + given;
}

function certificateDates(rng: Rng, asOf: string, expiry: Expiry): { issued: string; expires: string } {
  // margins keep a 29 February shift (addYears) from crossing a bucket boundary
  const target =
    expiry === 'expired' ? addDays(asOf, -rng.int(2, 900)) : expiry === 'soon' ? addDays(asOf, rng.int(2, 88)) : addDays(asOf, rng.int(92, 1400));
  const issued = addYears(target, -4);
  return { issued, expires: addYears(issued, 4) };
}

function operatorItems(equipment: readonly SampleEquipment[]): string[] {
  const items: string[] = [];
  if (equipment.some((e) => e.categoryCode === '5100')) items.push('N1');
  if (equipment.some((e) => e.kindCode === '4000')) items.push('Q2');
  if (equipment.some((e) => e.categoryCode === '2100')) items.push('R1');
  return items;
}

function makeManager(ctx: ManagerContext, unitIndex: number, itemCode: string, expiry: Expiry): SampleManager {
  const { rng, serials, asOf } = ctx;
  let { issued, expires } = certificateDates(rng, asOf, expiry);
  if (itemCode === 'A1') {
    // A1–A8 were issued until 2019; such a certificate is long expired by now
    issued = `${rng.int(2016, 2019)}-${String(rng.int(1, 12)).padStart(2, '0')}-${String(rng.int(1, 28)).padStart(2, '0')}`;
    expires = addYears(issued, 4);
  }
  return {
    unitIndex,
    name: personName(rng),
    idNumber: makeIdNumber(rng, rng.chance(0.65), ctx.usedIds),
    itemCode,
    certificateNo: makeCertificateNo(serials, issued),
    issuedDate: issued,
    expiryDate: expires,
    phone: makeMobile(rng, MOBILE_PREFIXES),
  };
}

/**
 * Managers of one unit. `scenario` is set for units on list 1 and decides whether one of
 * them holds a valid A certificate; other units get a random mix.
 */
export function makeUnitManagers(
  ctx: ManagerContext,
  unit: SampleUnit,
  unitIndex: number,
  equipment: readonly SampleEquipment[],
  perUnit: ManagersPerUnit,
  scenario: AScenario | null,
): SampleManager[] {
  const { rng } = ctx;
  const [min, max] = perUnit[unit.profile];
  const count = Math.max(scenario === 'valid' ? 1 : 0, rng.int(min, max));
  const operators = operatorItems(equipment);
  const managers: SampleManager[] = [];
  for (let i = 0; i < count; i++) {
    let item = operators.length > 0 && rng.chance(0.25) ? rng.pick(operators) : 'A';
    let expiry: Expiry = rng.weighted(EXPIRY_WEIGHTS);
    if (scenario === 'valid' && i === 0) {
      item = 'A';
      expiry = rng.chance(0.2) ? 'soon' : 'later';
    } else if (scenario === 'none' && item === 'A') {
      if (operators.length === 0) continue; // a unit on list 1 with nobody certified at all
      item = rng.pick(operators);
    } else if (scenario === 'expired' && item === 'A') {
      expiry = 'expired';
    }
    if (scenario === null && item === 'A' && !ctx.legacyDone) {
      item = 'A1';
      ctx.legacyDone = true;
    }
    managers.push(makeManager(ctx, unitIndex, item, expiry));
  }
  if (scenario === 'expired' && !managers.some((m) => m.itemCode === 'A')) managers.push(makeManager(ctx, unitIndex, 'A', 'expired'));
  return managers;
}
