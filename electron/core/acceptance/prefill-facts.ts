// The unit's facts the prefill rules read (prefill.ts queries them; the rules for
// inspections and operators live in files of their own).

export interface EquipmentFact {
  label: string;
  status: string;
  registrationNo: string | null;
  nextInspectionDate: string | null;
  kindCode?: string | null;
  categoryCode?: string | null;
  varietyCode?: string | null;
  /** the ledger's extra columns, JSON header → text */
  extra?: string | null;
}

export interface UnitFacts {
  equipment: EquipmentFact[];
  /** every certificate row of the unit: A (safety managers) and the operators' items */
  managers: Array<{ name: string; itemCode: string | null; expiryDate: string | null }>;
}
