import type { SortModelItem } from 'ag-grid-community';
import type { z } from 'zod';
import type { CertificateStatus, ManagerFilter, managerSortColumns } from '../../../../electron/api/schemas/registry.ts';
import { toQuerySort } from '../../grid/paged-datasource.ts';

export type CertificateStatusValue = z.infer<typeof CertificateStatus>;
type ManagerSortColumn = (typeof managerSortColumns)[number];

// Records naming exactly the contract's values (the renderer imports the contract by type only).
export const certificateStatuses: Record<CertificateStatusValue, true> = { expired: true, expiring: true, valid: true, unknown: true };
const sortable: Record<ManagerSortColumn, true> = {
  name: true,
  unitName: true,
  itemCode: true,
  certificateNo: true,
  issuedDate: true,
  expiryDate: true,
  updatedAt: true,
};

export function isSortableManagerColumn(colId: string): boolean {
  return Object.prototype.hasOwnProperty.call(sortable, colId);
}

/**
 * 作业项目 of TSG Z6001-2019 (docs/DOMAIN.md, 人员与证书); names in the i18n files (managers.item.<code>).
 * A finds the legacy A1–A8 certificates too (the core's rule).
 */
export const itemCodes = ['A', 'G1', 'G2', 'G3', 'R1', 'R2', 'R3', 'P', 'T', 'Q1', 'Q2', 'S1', 'S2', 'Y1', 'Y2', 'N1', 'N2', 'F'] as const;

export interface ManagerFilterState {
  search: string;
  unitId: string;
  unitName: string;
  itemCode: string;
  certificate: CertificateStatusValue | '';
}

const isCertificate = (v: string): v is CertificateStatusValue => Object.prototype.hasOwnProperty.call(certificateStatuses, v);

export function filterFromParams(params: URLSearchParams): ManagerFilterState {
  const certificate = params.get('certificate') ?? '';
  return {
    search: params.get('search') ?? '',
    unitId: params.get('unitId') ?? '',
    unitName: params.get('unitName') ?? '',
    itemCode: params.get('itemCode') ?? '',
    certificate: isCertificate(certificate) ? certificate : '',
  };
}

/** managers.query's filter (without paging): also what the export sends. */
export function managerQueryFilter(filter: ManagerFilterState, sortModel: readonly SortModelItem[] = []): z.input<typeof ManagerFilter> {
  const sort = toQuerySort(sortModel, sortable);
  const search = filter.search.trim();
  return {
    ...(search ? { search } : {}),
    ...(filter.unitId ? { unitId: filter.unitId } : {}),
    ...(filter.itemCode ? { itemCode: filter.itemCode } : {}),
    ...(filter.certificate ? { certificate: filter.certificate } : {}),
    ...(sort.length > 0 ? { sort } : {}),
  };
}

export function hasNarrowing(filter: ManagerFilterState): boolean {
  return Boolean(filter.search.trim() || filter.unitId || filter.itemCode || filter.certificate);
}
