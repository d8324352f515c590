import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';

// The window comes back where the user left it, unless that place no longer
// exists (a projector unplugged, resolution lowered) or the file is damaged:
// then a sane default on the primary display, never an invisible window.

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface WindowState {
  bounds: Rect;
  maximized: boolean;
}

export const minWindowSize = { width: 960, height: 600 } as const;
const preferredSize = { width: 1280, height: 800 } as const;
// Windows counts its invisible resize borders in the bounds: a window snapped to
// full height is a few pixels larger than the work area.
const frameTolerance = 32;
// how much of the title bar must be on a display for the user to grab it
const grabWidth = 100;
const grabHeight = 20;
const titleBarHeight = 40;
const fallbackWorkArea: Rect = { x: 0, y: 0, width: preferredSize.width, height: preferredSize.height };

/** Centred on the primary display's work area (the first one given). */
export function defaultWindowState(workAreas: readonly Rect[]): WindowState {
  const area = workAreas[0] ?? fallbackWorkArea;
  const width = Math.min(preferredSize.width, area.width);
  const height = Math.min(preferredSize.height, area.height);
  return {
    bounds: {
      x: area.x + Math.floor((area.width - width) / 2),
      y: area.y + Math.floor((area.height - height) / 2),
      width,
      height,
    },
    maximized: false,
  };
}

function isInteger(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value);
}

function readBounds(value: unknown): Rect | null {
  if (typeof value !== 'object' || value === null) return null;
  const { x, y, width, height } = value as Record<string, unknown>;
  if (!isInteger(x) || !isInteger(y) || !isInteger(width) || !isInteger(height)) return null;
  return { x, y, width, height };
}

function overlap(a: Rect, b: Rect): { width: number; height: number } {
  return {
    width: Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x),
    height: Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y),
  };
}

function fitsOn(bounds: Rect, area: Rect): boolean {
  if (bounds.width > area.width + frameTolerance || bounds.height > area.height + frameTolerance) return false;
  const titleBar = { x: bounds.x, y: bounds.y, width: bounds.width, height: titleBarHeight };
  const visible = overlap(titleBar, area);
  return visible.width >= grabWidth && visible.height >= grabHeight;
}

/** Anything read from disk goes through here: wrong types, tiny, huge or off-screen windows become the default. */
export function sanitizeWindowState(raw: unknown, workAreas: readonly Rect[]): WindowState {
  const fallback = defaultWindowState(workAreas);
  if (typeof raw !== 'object' || raw === null) return fallback;
  const record = raw as Record<string, unknown>;
  const maximized = record.maximized === true;
  const bounds = readBounds(record.bounds);
  const usable =
    bounds !== null &&
    bounds.width >= minWindowSize.width &&
    bounds.height >= minWindowSize.height &&
    workAreas.some((area) => fitsOn(bounds, area));
  return { bounds: usable ? bounds : fallback.bounds, maximized };
}

export function loadWindowState(file: string, workAreas: readonly Rect[]): WindowState {
  let raw: unknown = null;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    // missing on first start, or damaged: the default is the answer either way
  }
  return sanitizeWindowState(raw, workAreas);
}

/** Written to a temporary file and renamed, so a power cut leaves the old file or the new one, never half. */
export function saveWindowState(file: string, state: WindowState): void {
  mkdirSync(path.dirname(file), { recursive: true });
  const temporary = `${file}.tmp`;
  writeFileSync(temporary, `${JSON.stringify(state, null, 2)}\n`, 'utf8');
  renameSync(temporary, file);
}
