// Equipment of one unit: kinds by industry, statuses, inspection dates spread around asOf
// (overdue, due within 30 days, later, unknown), and valid, unique identifiers.
import { loadCatalogue } from '../../electron/core/catalogue/catalogue.ts';
import { addDays, addYears } from './dates.ts';
import { makeEquipmentCode, makeRegistrationCode, makeRegistrationNo, type Serials } from './identifiers.ts';
import type { EquipmentStatus, SampleEquipment, SampleUnit, SizeBand } from './model.ts';
import type { Rng } from './prng.ts';
import { ELEVATOR_MAINTAINERS, ESCALATOR_MODELS, INDUSTRIES, REMARKS, makersFor } from './words.ts';

export interface EquipmentContext {
  rng: Rng;
  serials: Serials;
  asOf: string;
}

const CYLINDER = '2310';

// Default intervals (docs/DOMAIN.md, 检验周期), enough to make last/next plausible.
function intervalYears(code: string): number {
  if (code.startsWith('21') || code.startsWith('23')) return 3;
  if (code.startsWith('41')) return 2;
  return 1;
}

interface KindText {
  internal: string;
  places: readonly string[];
}

function kindText(code: string): KindText {
  if (code === '3310') return { internal: 'FT', places: ['商场一楼至二楼', '商场二楼至三楼', '地下一层至一楼'] };
  if (code.startsWith('3')) return { internal: 'DT', places: ['1号楼1单元', '2号楼2单元', '主楼', '裙楼', '办公楼', '门诊楼', '成品仓库货梯'] };
  if (code.startsWith('4')) return { internal: 'QZ', places: ['一号车间', '二号车间', '三号厂房', '成品仓库', '原料库', '机修车间'] };
  if (code.startsWith('5')) return { internal: 'CC', places: ['厂区', '成品仓库', '原料仓库', '装卸区'] };
  if (code.startsWith('1')) return { internal: 'GL', places: ['锅炉房'] };
  if (code === CYLINDER) return { internal: 'QP', places: ['气瓶库', '充装间', '焊接车间'] };
  return { internal: 'RQ', places: ['空压站', '锅炉房', '储罐区', '一号车间'] };
}

const STATUS_WEIGHTS: Readonly<Record<EquipmentStatus, number>> = { 在用: 86, 停用: 7, 报废: 4, 注销: 3 };
const INSPECTION_BUCKETS = { later: 80, overdue: 7, soon: 8, unknown: 5 } as const;

function pickStatus(rng: Rng): EquipmentStatus {
  return rng.weighted(STATUS_WEIGHTS);
}

function inspectionDates(rng: Rng, asOf: string, status: EquipmentStatus, years: number): { last: string | null; next: string | null } {
  let next: string | null;
  if (status === '在用') {
    const bucket = rng.weighted(INSPECTION_BUCKETS);
    if (bucket === 'unknown') return { last: rng.chance(0.5) ? addDays(asOf, -rng.int(30, 700)) : null, next: null };
    next =
      bucket === 'overdue'
        ? addDays(asOf, -rng.int(1, 400))
        : bucket === 'soon'
          ? addDays(asOf, rng.int(1, 29)) // strictly inside the 30-day window
          : addDays(asOf, rng.int(31, years * 365 - 1));
  } else if (status === '停用') {
    next = rng.chance(0.7) ? addDays(asOf, -rng.int(30, 900)) : null;
  } else {
    next = rng.chance(0.5) ? addDays(asOf, -rng.int(200, 2500)) : null;
  }
  return { last: next ? addYears(next, -years) : null, next };
}

/** One piece; `counters` numbers the unit's internal numbers per kind (DT-01, CC-03 …). */
function makePiece(ctx: EquipmentContext, unit: SampleUnit, unitIndex: number, code: string, status: EquipmentStatus, counters: Map<string, number>): SampleEquipment {
  const { rng, serials, asOf } = ctx;
  const entry = loadCatalogue().get(code);
  if (!entry || entry.level === 'kind') throw new Error(`sample data: ${code} is not a category or variety of the catalogue`);
  const categoryCode = entry.level === 'category' ? entry.code : entry.categoryCode!;
  const varietyCode = entry.level === 'variety' ? entry.code : null;
  const years = intervalYears(code);
  const { last, next } = inspectionDates(rng, asOf, status, years);

  let commissioned = addDays(asOf, -rng.int(60, 22 * 365));
  if (last && commissioned > last) commissioned = addDays(last, -rng.int(0, 60));
  const registered = addDays(commissioned, rng.int(0, 25));
  const year = Number(commissioned.slice(0, 4)) - (rng.chance(0.4) ? 1 : 0);
  const maker = rng.pick(makersFor(code));
  const cylinder = code === CYLINDER;

  // Old pieces registered before the 18-character code became usual are known by 注册代码 only.
  const equipmentCode = !cylinder && commissioned < '2013-01-01' && rng.chance(0.35) ? null : makeEquipmentCode(serials, code, maker.code, year);
  const registrationCode = cylinder || (equipmentCode && rng.chance(0.05)) ? null : makeRegistrationCode(serials, code, registered);
  const registrationNo = !cylinder && equipmentCode && rng.chance(0.03) ? null : makeRegistrationNo(serials, code, registered);

  const text = kindText(code);
  const n = (counters.get(text.internal) ?? 0) + 1;
  counters.set(text.internal, n);
  const place = rng.pick(text.places);
  let remark = rng.chance(0.08) ? rng.pick(REMARKS) : null;
  if (status === '停用' && rng.chance(0.5)) remark = '已办理停用';
  if (status === '报废' && rng.chance(0.5)) remark = '已报废拆除';

  return {
    unitIndex,
    kindCode: entry.kindCode,
    categoryCode,
    varietyCode,
    equipmentCode,
    registrationCode,
    registrationNo,
    location: rng.chance(0.5) ? unit.address + place : place,
    status,
    lastInspectionDate: last,
    nextInspectionDate: next,
    internalNo: `${text.internal}-${String(n).padStart(cylinder ? 4 : 2, '0')}`,
    model: code === '3310' ? rng.pick(ESCALATOR_MODELS) : rng.pick(maker.models),
    productNo: `${text.internal[0]}${year}${rng.digits(5)}`,
    manufacturer: maker.name,
    commissionedDate: commissioned,
    maintainer: code.startsWith('3') ? rng.pick(ELEVATOR_MAINTAINERS) : null,
    remark,
  };
}

/**
 * All pieces of one unit. 'large'/'huge' units get at least 20 in-use non-cylinder
 * pieces; 'cylinders' units stay below 20 without their cylinders and reach 20 with them.
 */
export function makeUnitEquipment(ctx: EquipmentContext, unit: SampleUnit, unitIndex: number, band: SizeBand): SampleEquipment[] {
  const { rng } = ctx;
  const big = unit.profile === 'large' || unit.profile === 'huge';
  const min = big ? Math.max(20, band.min) : band.min;
  const max = unit.profile === 'cylinders' ? Math.min(19, band.max) : Math.max(min, band.max);
  const n = rng.int(Math.min(min, max), max);
  const mix = INDUSTRIES[unit.industryKey].mix;
  const codes: string[] = [];
  const statuses: EquipmentStatus[] = [];
  for (let i = 0; i < n; i++) {
    codes.push(rng.weighted(mix));
    statuses.push(unit.profile === 'cylinders' ? '在用' : pickStatus(rng));
  }
  if (big) {
    // flip stopped/scrapped pieces back to in use until the unit is surely on list 1
    let inUse = statuses.filter((s) => s === '在用').length;
    for (let i = 0; i < n && inUse < 20; i++) {
      if (statuses[i] !== '在用') {
        statuses[i] = '在用';
        inUse++;
      }
    }
  }
  let cylinders = 0;
  if (unit.profile === 'cylinders') cylinders = 20 - n + rng.int(0, 15);
  else if (unit.profile === 'huge' && rng.chance(0.3)) cylinders = rng.int(5, 30);
  for (let i = 0; i < cylinders; i++) {
    codes.push(CYLINDER);
    statuses.push(unit.profile === 'cylinders' ? '在用' : pickStatus(rng));
  }
  const counters = new Map<string, number>();
  return codes.map((code, i) => makePiece(ctx, unit, unitIndex, code, statuses[i]!, counters));
}
