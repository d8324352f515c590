// The generated district: plain data, independent of any file format or database.
import type { Industry } from './words.ts';

export type EquipmentStatus = '在用' | '停用' | '报废' | '注销';

/**
 * How big a unit is. 'cylinders' units reach 20 pieces in use only when their gas
 * cylinders are counted, so they must stay off list 1 (cylinders are excluded).
 */
export type UnitProfile = 'small' | 'medium' | 'cylinders' | 'large' | 'huge';

export interface SampleUnit {
  name: string;
  uscc: string;
  address: string;
  districtName: string;
  /** industry label (units.industry), e.g. 通用设备制造业 */
  industry: string;
  industryKey: Industry;
  profile: UnitProfile;
}

export interface SampleEquipment {
  unitIndex: number;
  kindCode: string;
  categoryCode: string;
  /** null for categories without varieties (boilers 1100/1200) */
  varietyCode: string | null;
  /** null for some old pieces known only by their 注册代码 */
  equipmentCode: string | null;
  /** null for gas cylinders (registered in batches) */
  registrationCode: string | null;
  registrationNo: string | null;
  location: string;
  status: EquipmentStatus;
  lastInspectionDate: string | null;
  nextInspectionDate: string | null;
  internalNo: string;
  model: string;
  productNo: string;
  manufacturer: string;
  commissionedDate: string;
  /** extra columns of the ledger (kept by the importer as extra attributes) */
  maintainer: string | null;
  remark: string | null;
}

export interface SampleManager {
  unitIndex: number;
  name: string;
  idNumber: string;
  /** A (safety management), N1, Q2, R1, and exactly one legacy A1 */
  itemCode: string;
  certificateNo: string;
  issuedDate: string;
  /** issuedDate + 4 years */
  expiryDate: string;
  phone: string;
}

export interface SampleModel {
  seed: number;
  /** the reference date of inspection and certificate states, YYYY-MM-DD */
  asOf: string;
  districtName: string;
  units: SampleUnit[];
  equipment: SampleEquipment[];
  managers: SampleManager[];
}

export interface SizeBand {
  profile: UnitProfile;
  weight: number;
  /** pieces of non-cylinder equipment (for 'cylinders' units: before the cylinders are added) */
  min: number;
  max: number;
}

// Many small units, some past the 20 line, a few very large ones: the shape of a town ledger.
export const DEFAULT_SIZE_BANDS: readonly SizeBand[] = [
  { profile: 'small', weight: 62, min: 1, max: 10 },
  { profile: 'medium', weight: 14, min: 11, max: 19 },
  { profile: 'cylinders', weight: 6, min: 8, max: 16 },
  { profile: 'large', weight: 14, min: 20, max: 60 },
  { profile: 'huge', weight: 4, min: 100, max: 240 },
];

/** [min, max] managers per unit by profile. */
export type ManagersPerUnit = Readonly<Record<UnitProfile, readonly [number, number]>>;

export const DEFAULT_MANAGERS_PER_UNIT: ManagersPerUnit = {
  small: [0, 1],
  medium: [0, 2],
  cylinders: [1, 2],
  large: [1, 3],
  huge: [2, 5],
};

/** Fixed so that the same seed gives the same model on any day; pass asOf for "today". */
export const DEFAULT_AS_OF = '2026-12-01';

export interface GenerateOptions {
  seed: number;
  units: number;
  districtName?: string;
  equipmentPerUnit?: readonly SizeBand[];
  managersPerUnit?: ManagersPerUnit;
  asOf?: Date;
}

/** Gas cylinders (2300 and below) are excluded from the 20-unit count. */
export function isCylinder(e: Pick<SampleEquipment, 'categoryCode'>): boolean {
  return e.categoryCode === '2300';
}

/** Pieces that count for list 1: in use, not a gas cylinder. */
export function countsForScreening(e: SampleEquipment): boolean {
  return e.status === '在用' && !isCylinder(e);
}
