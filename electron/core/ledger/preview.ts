import { statSync } from 'node:fs';
import { AppError } from '../../api/errors.ts';
import type { ParsedInput } from '../../api/contract.ts';
import type { LedgerIssue, LedgerSummary } from '../../api/schemas/ledger.ts';
import type { CoreContext } from '../context.ts';
import { resolveFile } from '../files/staging.ts';
import { newId } from '../ids.ts';
import type { JobHandle } from '../jobs/job-registry.ts';
import { requireIdentity } from '../node/node-service.ts';
import { unreadable } from '../sheets/caps.ts';
import { Collector, type UnitAgg } from './collector.ts';
import { DistrictResolver } from './districts.ts';
import { columnLetter } from './headers.ts';
import { Lookups } from './lookups.ts';
import { loadMappings, normaliseMappings, rememberMappings } from './mapping-settings.ts';
import { dbStamp } from './plan.ts';
import { savePlan } from './plan-store.ts';
import { Planner, type PlanResult } from './planner.ts';
import { openSpreadsheet as openLedger } from '../sheets/reader.ts';
import { rowDeps } from './row-context.ts';
import { scanLedger, type ScannedSheet } from './scan.ts';
import type { ColumnInfo, EquipmentRecord, Issue } from './types.ts';
import { StagedInserts } from './staging.ts';
import { acceptor } from './accept.ts';
import { intervalRules } from '../registry/inspection-interval.ts';
import { getRegistrySettings } from '../settings/settings-service.ts';
import { collectProblemRows } from './problem-rows.ts';

// ledger.preview: read and check the file, compare with the database, keep the
// plan for apply. The database is not changed (only a remembered column mapping,
// when the user asked for it, goes to the settings).

type PreviewInput = ParsedInput<'ledger.preview'>;


function toLedgerIssue(issue: Issue): LedgerIssue {
  const { sheet, row, column, value, code, message } = issue;
  return { sheet, row, column, columnLetter: issue.columnIndex === null ? '' : columnLetter(issue.columnIndex), value, code, message };
}

/** In file order, then by column: the report and the problem-row file list them so. */
function sorted(issues: Issue[]): Issue[] {
  return issues.sort((a, b) => a.sheetIndex - b.sheetIndex || a.row - b.row || (a.columnIndex ?? -1) - (b.columnIndex ?? -1));
}

function sheetInfo(sheet: ScannedSheet): LedgerSummary['sheets'][number] {
  return {
    name: sheet.name,
    kind: sheet.kind,
    headerRow: sheet.headerRow,
    dataRows: sheet.dataRows,
    columns: sheet.columns.filter((c) => c.header.trim()).map((c) => ({ header: c.header, letter: c.letter, field: c.field, ...(c.ignored ? { ignored: true } : {}) })),
    missingRequired: sheet.missingRequired,
  };
}

/** The readers fail with plain errors on some damaged files: say so in Chinese. */
function asUnreadable(error: unknown, fileName: string): unknown {
  if (error instanceof AppError) return error;
  return unreadable(fileName, '文件已损坏或格式不正确，无法解析。请用 Excel 或 WPS 打开后另存为 .xlsx 再导入');
}

async function build(ctx: CoreContext, input: PreviewInput, job: JobHandle): Promise<LedgerSummary> {
  job.phase('读取文件');
  const identity = requireIdentity(ctx);
  const source = resolveFile(ctx, input.source);
  const explicit = normaliseMappings(input.mappings);
  if (input.rememberMappings && input.mappings) rememberMappings(ctx, explicit);
  const districts = new DistrictResolver(ctx, identity);
  const collector = new Collector();
  const { sqlite } = ctx.database;
  // the plan reads the database while the file is read: anything written from here on is a change since preview
  const stamp = dbStamp(sqlite);
  const staged = new StagedInserts(sqlite);
  let saved = false;
  try {
    const accept = acceptor(input.acceptIdentityChanges);
    const intervals = intervalRules(getRegistrySettings(ctx).inspectionIntervals);
    const columns = new Map<number, readonly ColumnInfo[]>();
    const planner = new Planner(identity, new Lookups(sqlite), districts, job, { columns, accept, intervals }, staged);

    let scan: Awaited<ReturnType<typeof scanLedger>>;
    const file = await openLedger(source.path, source.fileName);
    try {
      const deps = rowDeps(districts, ctx.now());
      const plan = (record: EquipmentRecord, unit: UnitAgg) => planner.equipmentRow(record, unit);
      scan = await scanLedger(file, { lookup: { explicit, remembered: loadMappings(ctx) }, requireDistrict: districts.requiresDistrict, deps, plan, columns }, collector, job);
    } catch (error) {
      throw asUnreadable(error, source.fileName);
    } finally {
      file.close();
    }
    if (!scan.sheets.some((s) => s.kind)) {
      throw new AppError(
        'VALIDATION',
        `文件“${source.fileName}”中没有找到设备台账或安全管理人员表。请确认表头（可以在标题行下方）包含“使用单位名称”“统一社会信用代码”“设备代码”或“姓名”“证书编号”等列`,
      );
    }

    collector.finish();
    const planned = await planner.finish(collector);
    const errors = sorted([...collector.errors, ...planned.errors]);
    const warnings = sorted([...collector.warnings, ...planned.warnings]);
    const summary = summarise(source.fileName, scan, collector, planned, errors, warnings);
    const stat = statSync(source.path);
    savePlan(ctx, {
      id: summary.planId,
      createdAt: ctx.now().getTime(),
      nodeId: identity.id,
      source: { ...source, size: stat.size, mtimeMs: stat.mtimeMs },
      summary,
      reportSheets: scan.sheets.map((s) => ({ index: s.index, name: s.name, headers: s.columns.map((c) => (c.header.trim() ? c.header : `列${c.letter}`)) })),
      problemRows: collectProblemRows(errors, warnings, collector.partners, planned.held.map((h) => h.ref)),
      ops: planned.ops,
      staged,
      held: planned.held,
      stamp,
      applied: false,
    });
    saved = true;
    return summary;
  } finally {
    // a failed or cancelled preview leaves no staged rows behind
    if (!saved) staged.drop();
  }
}

function summarise(
  fileName: string,
  scan: { sheets: ScannedSheet[]; rowsRead: number },
  collector: Collector,
  planned: PlanResult,
  errors: Issue[],
  warnings: Issue[],
): LedgerSummary {
  return {
    planId: newId(),
    dryRun: true,
    fileName,
    sheets: scan.sheets.map(sheetInfo),
    needsMapping: scan.sheets.some((s) => s.missingRequired.length > 0),
    rowsRead: scan.rowsRead,
    units: planned.counts.units,
    equipment: planned.counts.equipment,
    managers: planned.counts.managers,
    duplicatesFolded: collector.duplicatesFolded,
    errors: errors.map(toLedgerIssue),
    warnings: warnings.map(toLedgerIssue),
    updates: planned.updates,
  };
}

export function previewLedger(ctx: CoreContext, input: PreviewInput): Promise<LedgerSummary> {
  return ctx.jobs.run(input.jobId, (job) => build(ctx, input, job));
}
