import type { NodeRole } from '../../api/schemas/node.ts';
import { syncTableLabels } from '../../api/sync-table-labels.ts';
import { syncedTables, type SyncedTable } from './tables.ts';

// Who may originate the rows of each synced table, and what in a row must belong to
// its sender (docs/SECURITY.md, "Row authority"). A bundle signed by an enrolled
// office is genuine, but genuine is not authorised: without these rules an office
// could place a unit in another district or decide another office's acceptance file.
// One declaration per table; merge enforces it and readers of the bureau's tables
// count only the bureau's rows.

/**
 * What a column of a row must name:
 * - `district`: the sender's own district (an office's district, as enrolled);
 * - `owned`: a row of `table` that the sender originated (in the database already, or
 *   earlier in the same bundle: parents are merged before children);
 * - `sender`: the sender's node id (a certificate's issuing node);
 * - `receiver`: the node importing the bundle (a bureau decision goes to one office only);
 * - `receiverOwned`: a row of `table` that the importing node originated (the office's own
 *   file a bureau decision is about).
 * A `nullable` column may be empty; any other value must satisfy the rule.
 */
export type Scope =
  | { kind: 'district'; column: string; nullable?: boolean }
  | { kind: 'owned'; column: string; table: SyncedTable; nullable?: boolean }
  | { kind: 'sender'; column: string }
  | { kind: 'receiver'; column: string }
  | { kind: 'receiverOwned'; column: string; table: SyncedTable };

export interface TablePolicy {
  /** the roles whose nodes may originate rows of the table */
  origins: readonly NodeRole[];
  scopes: readonly Scope[];
  /**
   * Columns that reference another synced table but may name another node's row, with
   * the reason; authority.test.ts fails for a reference neither scoped nor listed here.
   */
  crossNode?: Readonly<Record<string, string>>;
}

const office: readonly NodeRole[] = ['district'];
const trainers: readonly NodeRole[] = ['training', 'district'];
const bureau: readonly NodeRole[] = ['bureau'];

const inDistrict: Scope = { kind: 'district', column: 'district_id' };
const owned = (column: string, table: SyncedTable, nullable = false): Scope => ({ kind: 'owned', column, table, nullable });

export const tablePolicies: Record<SyncedTable, TablePolicy> = {
  districts: { origins: bureau, scopes: [] },
  units: { origins: office, scopes: [inDistrict] },
  equipment: { origins: office, scopes: [owned('unit_id', 'units')] },
  safety_managers: { origins: office, scopes: [owned('unit_id', 'units')] },
  // the bureau sends its own copies of the files it publishes city-wide (city_templates)
  attachments: { origins: [...trainers, 'bureau'], scopes: [] },
  blocks: { origins: office, scopes: [inDistrict, owned('lead_unit_id', 'units', true)] },
  block_members: { origins: office, scopes: [owned('block_id', 'blocks'), owned('unit_id', 'units')] },
  inspectors: { origins: office, scopes: [inDistrict] },
  block_inspectors: { origins: office, scopes: [owned('block_id', 'blocks'), owned('inspector_id', 'inspectors')] },
  block_supervisors: {
    origins: office,
    scopes: [owned('block_id', 'blocks')],
    crossNode: { manager_id: 'a supervisor from the city-wide pool may serve a block of another district' },
  },
  block_schedules: { origins: office, scopes: [inDistrict, owned('block_id', 'blocks')] },
  block_checks: {
    origins: office,
    scopes: [
      inDistrict,
      owned('block_id', 'blocks'),
      owned('checked_unit_id', 'units'),
      owned('checker_unit_id', 'units'),
      owned('checker_manager_id', 'safety_managers'),
    ],
  },
  block_meetings: { origins: office, scopes: [inDistrict, owned('block_id', 'blocks')] },
  acceptance_files: {
    origins: office,
    scopes: [inDistrict, owned('unit_id', 'units')],
    crossNode: { inspector_id: 'not a foreign key: the guiding inspector is named, not owned' },
  },
  acceptance_items: { origins: office, scopes: [owned('file_id', 'acceptance_files')] },
  acceptance_evidence: {
    origins: office,
    scopes: [owned('file_id', 'acceptance_files'), owned('item_id', 'acceptance_items')],
    crossNode: { attachment_id: 'attachments are content-addressed and shared' },
  },
  acceptance_decisions: {
    origins: bureau,
    scopes: [{ kind: 'receiver', column: 'office_node' }, { kind: 'receiverOwned', column: 'file_id', table: 'acceptance_files' }],
  },
  acceptance_templates: {
    origins: office,
    scopes: [inDistrict, owned('file_id', 'acceptance_files')],
    crossNode: { attachment_id: 'attachments are content-addressed and shared' },
  },
  city_templates: {
    origins: bureau,
    // the file is the bureau's own attachment row: no other row's file can be slipped into the city library
    scopes: [owned('attachment_id', 'attachments')],
    crossNode: {
      source_template_id: 'the office’s template it publishes, held only by that office and the bureau',
      source_node: 'the office that published the template',
      source_file_id: 'the acceptance file of the source unit, held only by its office and the bureau',
      district_id: 'the source district, not the sender’s',
    },
  },
  training_sessions: { origins: trainers, scopes: [] },
  training_attendees: {
    origins: trainers,
    scopes: [owned('session_id', 'training_sessions')],
    crossNode: { manager_id: 'a trainee is a safety manager of any district', district_id: 'the trainee’s district, not the sender’s' },
  },
  question_banks: { origins: trainers, scopes: [] },
  questions: { origins: trainers, scopes: [owned('bank_id', 'question_banks')] },
  exams: { origins: trainers, scopes: [owned('bank_id', 'question_banks'), owned('session_id', 'training_sessions', true)] },
  exam_candidates: {
    origins: trainers,
    scopes: [owned('exam_id', 'exams'), owned('attendee_id', 'training_attendees', true)],
    crossNode: { manager_id: 'a candidate is a safety manager of any district', district_id: 'the candidate’s district, not the sender’s' },
  },
  exam_results: { origins: trainers, scopes: [owned('exam_id', 'exams'), owned('candidate_id', 'exam_candidates')] },
  supervisor_certificates: {
    origins: trainers,
    scopes: [{ kind: 'sender', column: 'issuing_node' }, owned('exam_id', 'exams', true), owned('result_id', 'exam_results', true)],
    crossNode: { manager_id: 'the holder is a safety manager of any district', district_id: 'the holder’s district, not the sender’s' },
  },
  supervisor_pool: {
    origins: bureau,
    scopes: [],
    crossNode: {
      manager_id: 'the pool names managers of every district',
      district_id: 'the holder’s district',
      certificate_id: 'certificates of every issuer',
      issuing_node: 'the training centre or office that issued it',
    },
  },
  training_registry: {
    origins: bureau,
    scopes: [{ kind: 'receiver', column: 'training_node' }],
    crossNode: { manager_id: 'the office’s safety manager, not held at the training centre', district_id: 'the manager’s district' },
  },
  hazards: {
    origins: office,
    scopes: [
      inDistrict,
      owned('unit_id', 'units'),
      owned('equipment_id', 'equipment', true),
      owned('block_id', 'blocks', true),
      owned('source_inspection_id', 'inspection_records', true),
      owned('source_check_id', 'block_checks', true),
      owned('reporter_manager_id', 'safety_managers', true),
    ],
  },
  hazard_events: { origins: office, scopes: [owned('hazard_id', 'hazards')] },
  manager_feedback: {
    origins: office,
    scopes: [
      inDistrict,
      owned('manager_id', 'safety_managers'),
      owned('block_id', 'blocks', true),
      owned('unit_id', 'units', true),
      owned('equipment_id', 'equipment', true),
      owned('taken_by_inspector_id', 'inspectors', true),
      owned('hazard_id', 'hazards', true),
    ],
  },
  supervisor_work_entries: {
    origins: office,
    scopes: [inDistrict, owned('block_id', 'blocks', true)],
    crossNode: { manager_id: 'a supervisor from the city-wide pool may serve a block of another district' },
  },
  inspection_checklists: { origins: office, scopes: [inDistrict] },
  inspection_plans: { origins: office, scopes: [inDistrict, owned('scope_block_id', 'blocks', true)] },
  inspection_records: { origins: office, scopes: [owned('plan_id', 'inspection_plans'), inDistrict, owned('unit_id', 'units')] },
  supervision_orders: { origins: office, scopes: [inDistrict, owned('record_id', 'inspection_records', true), owned('unit_id', 'units')] },
  complaints: {
    origins: office,
    scopes: [inDistrict, owned('unit_id', 'units', true), owned('equipment_id', 'equipment', true), owned('linked_inspection_id', 'inspection_records', true), owned('linked_hazard_id', 'hazards', true)],
  },
  complaint_rewards: { origins: office, scopes: [owned('complaint_id', 'complaints'), inDistrict] },
  publicity_activities: { origins: office, scopes: [inDistrict, owned('unit_id', 'units', true)] },
  monthly_summaries: { origins: office, scopes: [inDistrict] },
  summary_reviews: {
    origins: bureau,
    scopes: [{ kind: 'receiver', column: 'office_node' }, { kind: 'receiverOwned', column: 'summary_id', table: 'monthly_summaries' }],
  },
  bureau_key_statements: {
    origins: bureau,
    scopes: [],
    crossNode: { subject_key_id: 'a key id, not a row', new_key_id: 'a key id, not a row', signer_key_id: 'a key id, not a row' },
  },
};

// Typed by the core's list: a synced table without a label fails compilation here.
const tableLabels: Record<SyncedTable, string> = syncTableLabels;

/** What the table holds, in the users' words (refusal messages); one list for every host. */
export function tableLabel(table: SyncedTable): string {
  return tableLabels[table];
}

/** The tables a node of this role may send: an office its own data, the bureau what it decides and broadcasts. */
export function tablesOriginatedBy(role: NodeRole): SyncedTable[] {
  return syncedTables.filter((t) => tablePolicies[t].origins.includes(role));
}

/**
 * SQL condition: the row (alias `alias`) was made by the city bureau — this node when it
 * is the bureau, else a bureau key this node trusts. Readers of the bureau's tables use it,
 * so a row that reached the database some other way never counts as the bureau's word.
 */
export function bureauRows(alias?: string): string {
  const column = alias ? `${alias}.origin_node` : 'origin_node';
  return `${column} IN (SELECT node_id FROM trusted_keys WHERE role = 'bureau' UNION SELECT id FROM node_identity WHERE role = 'bureau')`;
}
