import { describe, expect, it } from 'vitest';
import { equipmentFingerprint } from './collector.ts';
import type { EquipmentRecord } from './types.ts';

// The fingerprint is hashed piece by piece (no text built per row): it must be the hash of the
// whole sequence of codes built at once (reference below): each value as its length, then its
// UTF-16 code units two by two (the second one high); undefined and null as markers above any length; the values by position.

const UNDEFINED = 0x2000_0001;
const NULL = 0x2000_0002;
const END = 0x2000_0003;

const part = (v: unknown): number[] => {
  if (v === undefined) return [UNDEFINED];
  if (v === null) return [NULL];
  const text = String(v);
  const codes = [text.length];
  for (let i = 0; i < text.length; i += 2) codes.push(i + 1 < text.length ? text.charCodeAt(i) + text.charCodeAt(i + 1) * 0x10000 : text.charCodeAt(i));
  return codes;
};

function hash53(codes: number[]): number {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (const c of codes) {
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

function wholeFingerprint(r: EquipmentRecord): number {
  const v = r.values as Record<string, unknown>;
  const codes = [...part(r.districtId), ...part(r.uscc), ...part(r.unitName), ...part(r.unitAddress)];
  for (const key in v) codes.push(...part(v[key]));
  codes.push(END);
  if (r.extra) {
    const keys = Object.keys(r.extra);
    if (keys.length > 1) keys.sort();
    for (const k of keys) codes.push(...part(k), ...part(r.extra[k]));
  }
  codes.push(END);
  for (const d of r.dropped ?? []) codes.push(...part(d));
  return hash53(codes);
}

function record(i: number): EquipmentRecord {
  const pick = <T>(...options: T[]) => options[i % options.length]!;
  return {
    sheetIndex: 0,
    sheet: '设备台账',
    row: i + 2,
    districtId: 'seed-district-03',
    uscc: `91320582MA1${String(i % 97).padStart(7, '0')}`,
    usccLegacy: false,
    unitName: pick('张家港市塘桥机械有限公司', 'ABC（中国）', ''),
    unitAddress: pick(undefined, null, '塘桥镇 1 号'),
    values: {
      equipmentCode: pick(`3110320582201${i}`, null, undefined),
      registrationCode: pick(undefined, `梯11苏E${i}`),
      kindCode: '3000',
      status: pick('in_use', 'stopped'),
      location: pick('1 号楼', null, '𠀀 surrogate', ''),
      lastInspectionDate: pick('2024-05-01', undefined),
    },
    extra: pick<Record<string, string> | null>(null, { 备注: `第${i}台` }, { z: '1', a: '2', '2023': 'x' }),
    extraKeys: [],
    dropped: pick(null, [], ['=A1', '3.2E+17']),
  };
}

describe('equipmentFingerprint', () => {
  it('is the hash of the whole code sequence, for values of every kind', () => {
    for (let i = 0; i < 500; i++) {
      const r = record(i);
      expect(equipmentFingerprint(r)).toBe(wholeFingerprint(r));
    }
  });

  it('tells rows apart that differ in one value, and not rows that are the same', () => {
    const a = record(3);
    expect(equipmentFingerprint(record(3))).toBe(equipmentFingerprint(a));
    expect(equipmentFingerprint({ ...a, values: { ...a.values, location: '2 号楼' } })).not.toBe(equipmentFingerprint(a));
    // "the file does not say" is not "empty"
    expect(equipmentFingerprint({ ...a, unitAddress: undefined })).not.toBe(equipmentFingerprint({ ...a, unitAddress: null }));
    // values go in by position (one shape): the same texts under other fields, or split otherwise, are other rows
    expect(equipmentFingerprint({ ...a, values: { ...a.values, kindCode: '1 号楼', location: '3000' } })).not.toBe(
      equipmentFingerprint({ ...a, values: { ...a.values, kindCode: '3000', location: '1 号楼' } }),
    );
    expect(equipmentFingerprint({ ...a, values: { ...a.values, kindCode: '30', location: '00' } })).not.toBe(
      equipmentFingerprint({ ...a, values: { ...a.values, kindCode: '300', location: '0' } }),
    );
    expect(equipmentFingerprint({ ...a, unitAddress: 'null' })).not.toBe(equipmentFingerprint({ ...a, unitAddress: null }));
  });
});
