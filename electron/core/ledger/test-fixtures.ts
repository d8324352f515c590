import { readFileSync, writeFileSync } from 'node:fs';
import { crc32, deflateRawSync } from 'node:zlib';
import type Database from 'better-sqlite3';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { usccCheckChar } from '../validation/uscc.ts';

// Small ledgers written by code for the tests (no binary fixtures in the repo).

export type Value = string | number | Date | null | { formula: string; result?: unknown };

export interface SheetSpec {
  name: string;
  rows: Value[][];
  merges?: string[];
  /** 1-based column numbers to format as dates */
  dateColumns?: number[];
}

export async function writeXlsx(file: string, sheets: SheetSpec[]): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  for (const spec of sheets) {
    const sheet = workbook.addWorksheet(spec.name);
    for (const row of spec.rows) sheet.addRow(row);
    for (const range of spec.merges ?? []) sheet.mergeCells(range);
    for (const c of spec.dateColumns ?? []) sheet.getColumn(c).numFmt = 'yyyy-mm-dd';
  }
  await workbook.xlsx.writeFile(file);
}

export function writeCsv(file: string, rows: (string | null)[][], encoding: 'utf8' | 'utf8-bom' | 'gbk' = 'utf8'): void {
  const quote = (v: string | null) => (v === null ? '' : /[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  const text = rows.map((r) => r.map(quote).join(',')).join('\r\n') + '\r\n';
  if (encoding === 'gbk') writeFileSync(file, iconv.encode(text, 'gbk'));
  else writeFileSync(file, (encoding === 'utf8-bom' ? '\uFEFF' : '') + text, 'utf8');
}

/** A valid 18-character credit code for test unit n (张家港 division 320582). */
export function uscc(n: number): string {
  const body = `91320582${String(n).padStart(9, '0')}`;
  return body + usccCheckChar(body);
}

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
/** A valid ID number (born 1980-01-01 + n days' worth of serials). */
export function idNumber(n: number): string {
  const body = `320582198001${String(1 + (n % 28)).padStart(2, '0')}${String(100 + n).slice(-3)}`;
  const sum = [...body].reduce((s, d, i) => s + Number(d) * ID_WEIGHTS[i]!, 0);
  return body + '10X98765432'[sum % 11]!;
}

export const equipmentHeader = [
  '序号',
  '所属分局',
  '使用单位名称',
  '统一社会信用代码',
  '使用单位地址',
  '设备类别',
  '设备品种',
  '设备代码',
  '注册代码',
  '使用登记证编号',
  '设备使用地点',
  '设备状态',
  '上次检验日期',
  '下次检验日期',
  '单位内编号',
  '型号规格',
  '产品编号',
  '制造单位',
  '投入使用日期',
];

/** One valid equipment row: unit u, piece i; override by header. */
export function equipmentRow(i: number, u = 1, overrides: Record<string, Value> = {}): Value[] {
  const base: Record<string, Value> = {
    序号: i,
    所属分局: '塘桥',
    使用单位名称: `张家港市塘桥第${u}机械有限公司`,
    统一社会信用代码: uscc(u),
    使用单位地址: `塘桥镇${u}号`,
    设备类别: '曳引与强制驱动电梯',
    设备品种: '曳引驱动乘客电梯',
    设备代码: `3110320582${String(2015).padStart(4, '0')}${String(i).padStart(4, '0')}`,
    注册代码: null,
    使用登记证编号: `梯11苏E${String(i).padStart(5, '0')}(17)`,
    设备使用地点: `${u}号楼`,
    设备状态: '在用',
    上次检验日期: '2024-05-01',
    下次检验日期: '2025-05-01',
    单位内编号: `DT-${i}`,
    型号规格: 'TKJ1000/1.75',
    产品编号: `P${i}`,
    制造单位: '某电梯有限公司',
    投入使用日期: '2017-03-01',
  };
  const merged = { ...base, ...overrides };
  return equipmentHeader.map((h) => merged[h] ?? null);
}

export const managerHeader = ['序号', '使用单位名称', '统一社会信用代码', '姓名', '身份证号', '作业项目', '证书编号', '发证日期', '有效期至', '联系电话'];

export function managerRow(i: number, u = 1, overrides: Record<string, Value> = {}): Value[] {
  const base: Record<string, Value> = {
    序号: i,
    使用单位名称: `张家港市塘桥第${u}机械有限公司`,
    统一社会信用代码: uscc(u),
    姓名: `张${'三四五六七八九'[i % 7]}`,
    身份证号: idNumber(i),
    作业项目: 'A',
    证书编号: `TS-A-${String(i).padStart(6, '0')}`,
    发证日期: '2023-01-10',
    有效期至: '2027-01-09',
    联系电话: `1380000${String(i).padStart(4, '0')}`,
  };
  const merged = { ...base, ...overrides };
  return managerHeader.map((h) => merged[h] ?? null);
}

/** Every row of the tables an import may touch, to prove "nothing changed". */
export function dbSnapshot(sqlite: { prepare(sql: string): { all(): unknown[] } }): string {
  const tables = ['units', 'equipment', 'safety_managers', 'audit_log', 'settings'];
  return JSON.stringify(tables.map((t) => sqlite.prepare(`SELECT * FROM ${t} ORDER BY rowid`).all()));
}

export function count(sqlite: Database.Database, table: string): number {
  return sqlite.prepare<[], { n: number }>(`SELECT count(*) AS n FROM ${table} WHERE ${table === 'audit_log' ? '1' : 'deleted_at IS NULL'}`).get()?.n ?? 0;
}

/**
 * Rewrites a zip (an .xlsx) with its entries in another order, bytes unchanged: zip
 * writers differ in the order they store xl/workbook.xml, the sheets and the shared strings.
 */
export function reorderZip(file: string, order: (names: string[]) => string[]): void {
  const zip = readFileSync(file);
  const eocd = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const count = zip.readUInt16LE(eocd + 10);
  let at = zip.readUInt32LE(eocd + 16);
  const entries = new Map<string, { central: Buffer; local: Buffer }>();
  for (let i = 0; i < count; i++) {
    const [nameLength, extraLength, commentLength] = [zip.readUInt16LE(at + 28), zip.readUInt16LE(at + 30), zip.readUInt16LE(at + 32)];
    const central = zip.subarray(at, at + 46 + nameLength + extraLength + commentLength);
    const name = central.toString('utf8', 46, 46 + nameLength);
    const offset = central.readUInt32LE(42);
    const flags = central.readUInt16LE(8);
    let end = offset + 30 + zip.readUInt16LE(offset + 26) + zip.readUInt16LE(offset + 28) + central.readUInt32LE(20);
    if (flags & 8) end += zip.readUInt32LE(end) === 0x08074b50 ? 16 : 12; // data descriptor after the data
    entries.set(name, { central: Buffer.from(central), local: zip.subarray(offset, end) });
    at += central.length;
  }
  const parts: Buffer[] = [];
  const directory: Buffer[] = [];
  let offset = 0;
  for (const name of order([...entries.keys()])) {
    const { central, local } = entries.get(name)!;
    central.writeUInt32LE(offset, 42);
    parts.push(local);
    directory.push(central);
    offset += local.length;
  }
  const dir = Buffer.concat(directory);
  const end = Buffer.from(zip.subarray(eocd, eocd + 22));
  end.writeUInt32LE(dir.length, 12);
  end.writeUInt32LE(offset, 16);
  writeFileSync(file, Buffer.concat([...parts, dir, end]));
}

/** Writes a zip of the given parts, in that order (deflated), for hand-made xlsx packages in the tests. */
export function writeZip(file: string, parts: [name: string, content: string | Buffer][]): void {
  const locals: Buffer[] = [];
  const directory: Buffer[] = [];
  let offset = 0;
  for (const [name, content] of parts) {
    const data = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
    const packed = deflateRawSync(data);
    const fileName = Buffer.from(name, 'utf8');
    const header = Buffer.alloc(30);
    header.writeUInt32LE(0x04034b50, 0);
    header.writeUInt16LE(20, 4);
    header.writeUInt16LE(0x800, 6); // UTF-8 names
    header.writeUInt16LE(8, 8);
    header.writeUInt32LE(crc32(data), 14);
    header.writeUInt32LE(packed.length, 18);
    header.writeUInt32LE(data.length, 22);
    header.writeUInt16LE(fileName.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    header.copy(central, 8, 6, 26); // flags, method, time, date, crc, sizes
    central.writeUInt16LE(fileName.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(header, fileName, packed);
    directory.push(central, fileName);
    offset += header.length + fileName.length + packed.length;
  }
  const dir = Buffer.concat(directory);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(dir.length, 12);
  end.writeUInt32LE(offset, 16);
  writeFileSync(file, Buffer.concat([...locals, dir, end]));
}
