// The longest text each registry field may hold, in characters (UTF-16 units, as
// zod's max counts them). One list for the edit forms, their zod schemas and the
// ledger import, so a value refused by a form is refused by the import too. The
// renderer checks its maxLength attributes against these by type.

export const unitLimits = {
  name: 100,
  uscc: 40,
  address: 200,
  industry: 50,
  contactPerson: 30,
  contactPhone: 30,
  notes: 1000,
} as const;

export const equipmentLimits = {
  equipmentCode: 40,
  registrationCode: 40,
  registrationNo: 40,
  /** 设备种类 / 类别 / 品种 as written: a catalogue name or code, with a note at most */
  category: 60,
  location: 200,
  internalNo: 50,
  model: 100,
  productNo: 60,
  manufacturer: 100,
} as const;

export const managerLimits = {
  name: 30,
  idNumber: 40,
  itemCode: 30,
  certificateNo: 40,
  phone: 30,
} as const;

/** Cells of the ledger that no form edits: 所属分局, a status or a date (longer is not one), unknown columns. */
export const ledgerOnlyLimits = {
  districtName: 50,
  shortValue: 50,
  extraHeader: 100,
  extraValue: 1000,
} as const;
