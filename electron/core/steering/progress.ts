import type { Progress, ProgressRow } from '../../api/schemas/steering.ts';
import type { CoreContext } from '../context.ts';
import { localDate } from '../registry/as-of.ts';
import { demoFiles, inProgress, officesByDistrict, plaqueNow, supervisorsOn, type DemoFile } from './facts.ts';
import { listTargets } from './targets.ts';

// The rollout board: every district of the list, whether its office is enrolled and
// reporting (an office that never enrolled is 未启用, one enrolled without a bundle 未报送),
// its pilot unit, the 推广 units accepted and on their way against the target, and the
// supervisors certified against theirs. Read from the offices' bundles as imported here.

function pilotOf(files: DemoFile[], pilotUnitId: string | null, pilotUnitName: string | null): ProgressRow['pilot'] {
  // the target's unit; else the unit of the district's latest pilot-phase file
  const unitId = pilotUnitId ?? files.filter((f) => f.phase === 'pilot').pop()?.unitId ?? null;
  if (!unitId) return null;
  const own = files.filter((f) => f.unitId === unitId);
  const latest = own[own.length - 1] ?? null;
  return {
    unitId,
    unitName: pilotUnitName ?? latest?.unitName ?? unitId,
    fromFile: pilotUnitId === null,
    fileId: latest?.id ?? null,
    state: latest?.state ?? null,
    plaqueNo: latest ? (plaqueNow(latest)?.plaqueNo ?? null) : null,
  };
}

export function progressBoard(ctx: CoreContext): Progress {
  const today = localDate(ctx.now());
  const offices = officesByDistrict(ctx);
  const rows = listTargets(ctx).map((target): ProgressRow => {
    const office = offices.get(target.districtId);
    const files = demoFiles(ctx, target.districtId);
    const pilot = pilotOf(files, target.pilotUnitId, target.pilotUnitName);
    // a unit counts once, by its latest file; the pilot unit is not one of the 推广 units
    const latestByUnit = new Map(files.map((f) => [f.unitId, f]));
    const rollout = [...latestByUnit.values()].filter((f) => f.unitId !== pilot?.unitId && f.phase === 'rollout');
    return {
      districtId: target.districtId,
      districtName: target.districtName,
      pilotDistrict: target.pilotDistrict,
      office: office
        ? { state: office.state, nodes: office.nodes, lastCreatedAt: office.lastCreatedAt, lastImportedAt: office.lastImportedAt }
        : { state: 'unenrolled', nodes: [], lastCreatedAt: null, lastImportedAt: null },
      pilot,
      rollout: {
        target: target.rolloutTarget,
        accepted: rollout.filter((f) => plaqueNow(f) !== null).length,
        inProgress: rollout.filter((f) => inProgress(f)).length,
      },
      supervisors: { target: target.supervisorsTarget, trained: supervisorsOn(ctx, target.districtId, today).length },
    };
  });
  return { asOf: today, rows };
}
