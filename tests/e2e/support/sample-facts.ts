// What the e2e specs need to know of a generated district (see sample-data.ts), as plain JSON.

export interface UnitFacts {
  name: string;
  uscc: string;
  /** pieces list 1 counts: in use, gas cylinders excluded */
  counted: number;
  /** pieces in use, gas cylinders included */
  inUse: number;
}

export interface SampleFacts {
  asOf: string;
  units: UnitFacts[];
  equipment: number;
  managers: number;
}

export interface ExpectedIssue {
  sheet: string;
  row: number;
  column: string;
  code: string;
  severity: 'error' | 'warning' | 'folded';
  value: string;
}

export interface WrittenLedger {
  file: string;
  sheets: { kind: 'equipment' | 'managers'; name: string; headerRow: number; dataRows: number }[];
  defects: {
    errors: ExpectedIssue[];
    warnings: ExpectedIssue[];
    folded: ExpectedIssue[];
    imported: { equipment: number; managers: number };
  } | null;
  facts: SampleFacts;
}
