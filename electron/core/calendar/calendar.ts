import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import cn2025 from '../../../resources/calendar/cn-official-2025.json' with { type: 'json' };
import cn2026 from '../../../resources/calendar/cn-official-2026.json' with { type: 'json' };
import cn2027 from '../../../resources/calendar/cn-official-2027.json' with { type: 'json' };
import type { CoreContext } from '../context.ts';
import { parseCalendarFile, type CalendarFile } from './calendar-file.ts';
import { makeWorkingCalendar, yearsBetween, type WorkingCalendar } from './working-days.ts';

// The official calendar: the years shipped in resources/calendar (bundled at build
// time, like the catalogue), each replaceable by a file of the same name in the data
// folder's "calendar" folder. The override exists so the bureau can add a newly
// published year, or correct one, without waiting for a new app version.

const FILE_NAME = /^cn-official-(\d{4})\.json$/;

const shipped: Array<[string, unknown]> = [
  ['cn-official-2025.json', cn2025],
  ['cn-official-2026.json', cn2026],
  ['cn-official-2027.json', cn2027],
];

/** The data folder's calendar folder: beside the database, as attachments and exchange are. */
export function calendarOverrideDir(ctx: CoreContext): string {
  return path.join(path.dirname(ctx.database.file), 'calendar');
}

/** Shipped years, then the override folder's files (a year there replaces the shipped one). */
export function loadCalendarFiles(overrideDir: string | null): CalendarFile[] {
  const years = new Map<number, CalendarFile>();
  for (const [name, json] of shipped) {
    const file = parseCalendarFile(JSON.stringify(json), `resources/calendar/${name}`);
    years.set(file.year, file);
  }
  if (overrideDir && existsSync(overrideDir)) {
    for (const name of readdirSync(overrideDir).sort()) {
      const match = FILE_NAME.exec(name);
      if (!match) continue;
      const full = path.join(overrideDir, name);
      const file = parseCalendarFile(readFileSync(full, 'utf8'), full, Number(match[1]));
      years.set(file.year, file);
    }
  }
  return [...years.values()];
}

export function loadCalendar(overrideDir: string | null): WorkingCalendar {
  return makeWorkingCalendar(loadCalendarFiles(overrideDir));
}

/** This node's calendar (read per call: the files are small and the bureau may edit them). */
export function calendarFor(ctx: CoreContext): WorkingCalendar {
  return loadCalendar(calendarOverrideDir(ctx));
}

/** A deadline n working days after a date, with the warnings for the years it crosses. */
export function workingDeadline(calendar: WorkingCalendar, from: string, n: number): { deadline: string; warnings: string[] } {
  const deadline = calendar.addWorkingDays(from, n);
  return { deadline, warnings: calendar.warnings(yearsBetween(from, deadline)) };
}
