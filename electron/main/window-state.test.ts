import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { defaultWindowState, loadWindowState, sanitizeWindowState, saveWindowState, type Rect } from './window-state.ts';

const laptop: Rect = { x: 0, y: 0, width: 1366, height: 728 };
const rightMonitor: Rect = { x: 1366, y: 0, width: 1920, height: 1040 };
const twoScreens = [laptop, rightMonitor];

describe('defaultWindowState', () => {
  it('centres 1280×800 on the primary work area', () => {
    expect(defaultWindowState([{ x: 0, y: 0, width: 1920, height: 1040 }])).toEqual({
      bounds: { x: 320, y: 120, width: 1280, height: 800 },
      maximized: false,
    });
  });

  it('shrinks to a small primary work area and honours its offset', () => {
    expect(defaultWindowState([{ x: 100, y: 40, width: 1024, height: 700 }]).bounds).toEqual({ x: 100, y: 40, width: 1024, height: 700 });
  });

  it('has an answer even without displays', () => {
    expect(defaultWindowState([]).bounds).toEqual({ x: 0, y: 0, width: 1280, height: 800 });
  });
});

describe('sanitizeWindowState', () => {
  const fallback = defaultWindowState(twoScreens);

  it('keeps a window that is on a display, and its maximized flag', () => {
    const saved = { bounds: { x: 1500, y: 50, width: 1400, height: 900 }, maximized: true };
    expect(sanitizeWindowState(saved, twoScreens)).toEqual(saved);
  });

  it('keeps a window snapped to the full work area (frame borders included)', () => {
    const saved = { bounds: { x: -7, y: 0, width: 1380, height: 735 }, maximized: false };
    expect(sanitizeWindowState(saved, twoScreens)).toEqual(saved);
  });

  it('moves a window left on an unplugged monitor back to the default', () => {
    const saved = { bounds: { x: 1500, y: 50, width: 1400, height: 900 }, maximized: false };
    expect(sanitizeWindowState(saved, [laptop])).toEqual(defaultWindowState([laptop]));
  });

  it.each([
    ['far off-screen', { x: -50000, y: -50000, width: 1280, height: 800 }],
    ['title bar above the screen', { x: 100, y: -790, width: 1280, height: 800 }],
    ['only a sliver visible', { x: -1230, y: 0, width: 1280, height: 700 }],
    ['too small', { x: 10, y: 10, width: 200, height: 100 }],
    ['absurdly large', { x: 0, y: 0, width: 100000, height: 100000 }],
    ['larger than any display', { x: 0, y: 0, width: 2400, height: 1400 }],
    ['fractional', { x: 10.5, y: 10, width: 1280, height: 800 }],
    ['NaN', { x: Number.NaN, y: 10, width: 1280, height: 800 }],
    ['strings', { x: '10', y: '10', width: '1280', height: '800' }],
    ['missing height', { x: 10, y: 10, width: 1280 }],
  ])('falls back to the default bounds when %s', (_label, bounds) => {
    expect(sanitizeWindowState({ bounds, maximized: false }, twoScreens).bounds).toEqual(fallback.bounds);
  });

  it.each([null, undefined, 42, 'x', [], { maximized: 'yes' }])('turns %j into the default', (raw) => {
    expect(sanitizeWindowState(raw, twoScreens)).toEqual(fallback);
  });
});

describe('loadWindowState / saveWindowState', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'qkl-window-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('round-trips through a JSON file, creating the folder', () => {
    const file = path.join(dir, 'data', 'window-state.json');
    const state = { bounds: { x: 20, y: 30, width: 1200, height: 700 }, maximized: true };
    saveWindowState(file, state);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual(state);
    expect(loadWindowState(file, twoScreens)).toEqual(state);
  });

  it('gives the default for a missing or damaged file', () => {
    const file = path.join(dir, 'window-state.json');
    expect(loadWindowState(file, twoScreens)).toEqual(defaultWindowState(twoScreens));
    writeFileSync(file, '{"bounds": {"x": 1');
    expect(loadWindowState(file, twoScreens)).toEqual(defaultWindowState(twoScreens));
  });
});
