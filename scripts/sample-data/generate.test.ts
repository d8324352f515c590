import { describe, expect, it } from 'vitest';
import { loadCatalogue } from '../../electron/core/catalogue/catalogue.ts';
import { checkIdNumber } from '../../electron/core/validation/id-card.ts';
import { checkUscc } from '../../electron/core/validation/uscc.ts';
import { addYears, daysBetween, parseDay } from './dates.ts';
import { countsForScreening, generateDistrict, isCylinder, type SampleModel } from './generate.ts';

const model = generateDistrict({ seed: 1, units: 300 });

function screening(m: SampleModel) {
  const counted = new Map<number, number>();
  const withCylinders = new Map<number, number>();
  for (const e of m.equipment) {
    if (countsForScreening(e)) counted.set(e.unitIndex, (counted.get(e.unitIndex) ?? 0) + 1);
    if (e.status === '在用') withCylinders.set(e.unitIndex, (withCylinders.get(e.unitIndex) ?? 0) + 1);
  }
  const list1 = m.units.map((_, i) => i).filter((i) => (counted.get(i) ?? 0) >= 20);
  const onlyWithCylinders = m.units.map((_, i) => i).filter((i) => (counted.get(i) ?? 0) < 20 && (withCylinders.get(i) ?? 0) >= 20);
  const validA = new Set(m.managers.filter((x) => x.itemCode === 'A' && x.expiryDate >= m.asOf).map((x) => x.unitIndex));
  return { list1, onlyWithCylinders, withA: list1.filter((i) => validA.has(i)), withoutA: list1.filter((i) => !validA.has(i)) };
}

function unique(values: (string | null)[]): boolean {
  const present = values.filter((v) => v !== null);
  return new Set(present).size === present.length;
}

describe('generateDistrict', () => {
  it('is deterministic: the same seed gives the same model, another seed another one', () => {
    // compared as JSON: a deep toEqual over 6,000 objects is needlessly slow
    expect(JSON.stringify(generateDistrict({ seed: 1, units: 300 }))).toBe(JSON.stringify(model));
    expect(generateDistrict({ seed: 2, units: 5 }).units[0]).not.toEqual(model.units[0]);
  });

  it('has the expected shape at town scale', () => {
    expect(model.units).toHaveLength(300);
    expect(model.equipment.length).toBeGreaterThan(3000);
    expect(model.managers.length).toBeGreaterThan(100);
    expect(unique(model.units.map((u) => u.name))).toBe(true);
    for (const u of model.units) expect(u.address).toMatch(/^(江苏省)?张家港市.+\d+号$/);
  });

  it('makes credit codes and ID numbers that pass the app validators', () => {
    for (const u of model.units) {
      expect(u.uscc.startsWith('91320582')).toBe(true);
      expect(checkUscc(u.uscc)).toMatchObject({ ok: true, legacy: false });
    }
    expect(unique(model.units.map((u) => u.uscc))).toBe(true);
    for (const m of model.managers) {
      expect(m.idNumber.startsWith('320582')).toBe(true);
      expect(checkIdNumber(m.idNumber, parseDay(model.asOf)).ok, m.idNumber).toBe(true);
    }
  });

  it('uses catalogue codes only, consistent across the three levels', () => {
    const catalogue = loadCatalogue();
    for (const e of model.equipment) {
      expect(catalogue.get(e.kindCode)?.level).toBe('kind');
      expect(catalogue.get(e.categoryCode)).toMatchObject({ level: 'category', kindCode: e.kindCode });
      if (e.varietyCode) expect(catalogue.get(e.varietyCode)).toMatchObject({ level: 'variety', categoryCode: e.categoryCode });
      expect(catalogue.resolve(e.varietyCode ?? e.categoryCode)).toMatchObject({ kindCode: e.kindCode, legacy: false });
    }
    const codes = new Set(model.equipment.map((e) => e.varietyCode ?? e.categoryCode));
    for (const code of ['3110', '3120', '3310', '5110', '4110', '4130', '2150', '2170', '1100', '1200', '2310']) expect(codes).toContain(code);
  });

  it('makes well-formed, unique equipment identifiers', () => {
    const eq = model.equipment;
    for (const e of eq) {
      expect(e.equipmentCode ?? e.registrationCode, 'every piece has a natural key').not.toBeNull();
      if (e.equipmentCode) expect(e.equipmentCode).toMatch(new RegExp(`^${e.varietyCode ?? e.categoryCode}[0-9A-Z]{5}\\d{9}$`));
      if (e.registrationCode) expect(e.registrationCode).toMatch(new RegExp(`^${e.varietyCode ?? e.categoryCode}320582\\d{10}$`));
      if (e.registrationNo) expect(e.registrationNo).toMatch(/^[锅容梯起车瓶]\d{2}苏E\d{5}\(\d{2}\)$/);
    }
    expect(unique(eq.map((e) => e.equipmentCode))).toBe(true);
    expect(unique(eq.map((e) => e.registrationCode))).toBe(true);
    expect(unique(eq.map((e) => e.registrationNo))).toBe(true);
    expect(eq.some((e) => e.equipmentCode === null)).toBe(true);
    expect(new Set(eq.map((e) => e.status))).toEqual(new Set(['在用', '停用', '报废', '注销']));
  });

  it('keeps identifiers of seeds that differ modulo 9 apart, so models can share a database', () => {
    const other = generateDistrict({ seed: 2, units: 300 });
    const clash = (f: (m: SampleModel) => (string | null)[]) => {
      const mine = new Set(f(model).filter((v) => v !== null));
      return f(other).filter((v) => v !== null && mine.has(v));
    };
    expect(clash((m) => m.units.map((u) => u.uscc))).toEqual([]);
    expect(clash((m) => m.equipment.map((e) => e.equipmentCode))).toEqual([]);
    expect(clash((m) => m.equipment.map((e) => e.registrationCode))).toEqual([]);
    expect(clash((m) => m.equipment.map((e) => e.registrationNo))).toEqual([]);
    expect(clash((m) => m.managers.map((x) => x.certificateNo))).toEqual([]);
  });

  it('spreads inspection dates: overdue, due within 30 days, later, unknown', () => {
    const inUse = model.equipment.filter((e) => e.status === '在用');
    const days = inUse.map((e) => (e.nextInspectionDate ? daysBetween(model.asOf, e.nextInspectionDate) : null));
    expect(days.filter((d) => d !== null && d < 0).length).toBeGreaterThan(50);
    expect(days.filter((d) => d !== null && d >= 0 && d <= 30).length).toBeGreaterThan(50);
    expect(days.filter((d) => d === null).length).toBeGreaterThan(20);
    expect(days.filter((d) => d !== null && d > 30).length / days.length).toBeGreaterThan(0.6);
    for (const e of model.equipment) if (e.lastInspectionDate) expect(e.commissionedDate <= e.lastInspectionDate).toBe(true);
  });

  it('gives certificates of four years, some expired, some expiring within 90 days, one legacy A1', () => {
    for (const m of model.managers) expect(m.expiryDate).toBe(addYears(m.issuedDate, 4));
    expect(unique(model.managers.map((m) => m.certificateNo))).toBe(true);
    const left = model.managers.filter((m) => m.itemCode === 'A').map((m) => daysBetween(model.asOf, m.expiryDate));
    expect(left.some((d) => d < 0)).toBe(true);
    expect(left.some((d) => d >= 0 && d <= 90)).toBe(true);
    expect(left.filter((d) => d > 90).length / left.length).toBeGreaterThan(0.5);
    expect(model.managers.filter((m) => m.itemCode === 'A1')).toHaveLength(1);
    expect(new Set(model.managers.map((m) => m.itemCode))).toEqual(new Set(['A', 'A1', 'N1', 'Q2', 'R1']));
  });

  it('guarantees the screening cases: list 1, cylinders that matter, list-1 units without a valid A', () => {
    const s = screening(model);
    expect(s.list1.length).toBeGreaterThanOrEqual(3);
    expect(s.onlyWithCylinders.length).toBeGreaterThanOrEqual(1);
    expect(s.withA.length).toBeGreaterThanOrEqual(1);
    expect(s.withoutA.length).toBeGreaterThanOrEqual(2);
    expect(model.equipment.some(isCylinder)).toBe(true);
  });

  it('keeps the guarantees for tiny districts and size bands without large units', () => {
    for (const m of [
      generateDistrict({ seed: 9, units: 5 }),
      generateDistrict({ seed: 3, units: 8, equipmentPerUnit: [{ profile: 'small', weight: 1, min: 1, max: 3 }] }),
    ]) {
      const s = screening(m);
      expect(s.list1.length).toBeGreaterThanOrEqual(3);
      expect(s.onlyWithCylinders.length).toBeGreaterThanOrEqual(1);
      expect(s.withA.length).toBeGreaterThanOrEqual(1);
      expect(s.withoutA.length).toBeGreaterThanOrEqual(2);
    }
  });
});
