import { readFileSync, writeFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { afterEach, describe, expect, it } from 'vitest';
import { tempDir } from '../../../tests/support/temp.ts';
import { openSpreadsheet } from './reader.ts';
import { generateDistrict } from '../../../scripts/sample-data/generate.ts';
import { writeLedgerXlsx } from '../../../scripts/sample-data/write-xlsx.ts';
import { equipmentHeader, equipmentRow, managerHeader, managerRow, reorderZip, writeCsv, writeXlsx, writeZip } from '../ledger/test-fixtures.ts';
import type { RawRow } from './types.ts';

const temps: ReturnType<typeof tempDir>[] = [];
afterEach(() => temps.splice(0).forEach((t) => t.cleanup()));
const file = (name: string) => {
  const t = tempDir();
  temps.push(t);
  return t.file(name);
};

/** Every sheet and row; `pause` ms after each batch, as a consumer busy with the rows would. */
async function readAll(path: string, name = path, pause = 0) {
  const ledger = await openSpreadsheet(path, name);
  const sheets: { name: string; rows: RawRow[] }[] = [];
  try {
    for await (const sheet of ledger.sheets) {
      const rows: RawRow[] = [];
      for await (const batch of sheet.batches) {
        rows.push(...batch);
        if (pause) await sleep(pause);
      }
      sheets.push({ name: sheet.name, rows });
    }
  } finally {
    ledger.close();
  }
  return sheets;
}

/** Where a part's record in the zip's central directory starts: its CRC is at +16, its unpacked size at +24. */
function centralRecord(zip: Buffer, name: string): number {
  const eocd = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  let record = zip.readUInt32LE(eocd + 16);
  while (zip.toString('utf8', record + 46, record + 46 + zip.readUInt16LE(record + 28)) !== name) {
    record += 46 + zip.readUInt16LE(record + 28) + zip.readUInt16LE(record + 30) + zip.readUInt16LE(record + 32);
  }
  return record;
}

const last = (names: string[], pick: (n: string) => boolean) => [...names.filter((n) => !pick(n)), ...names.filter(pick)];
const first = (names: string[], pick: (n: string) => boolean) => [...names.filter(pick), ...names.filter((n) => !pick(n))];
/** Zip part orders real writers use, and awkward ones. */
const partOrders: [string, (names: string[]) => string[]][] = [
  ['as written', (names) => names],
  ['shared strings and rels first, workbook.xml last', (names) => last(first(names, (n) => /sharedStrings|_rels/.test(n)), (n) => n === 'xl/workbook.xml')],
  ['workbook, rels and shared strings first', (names) => first(names, (n) => n === 'xl/workbook.xml' || n.includes('_rels') || n.includes('sharedStrings'))],
  ['styles and workbook after the sheets', (names) => last(names, (n) => /styles|workbook\.xml$/.test(n))],
  ['reversed', (names) => [...names].reverse()],
];

describe('xlsx', () => {
  it('streams every sheet with Excel row numbers, dates as dates, formulas by their saved result', async () => {
    const path = file('台账.xlsx');
    await writeXlsx(path, [
      {
        name: '设备',
        rows: [['标题'], [], ['日期', '公式', '无结果', '富文本'], [new Date(Date.UTC(2023, 4, 1)), { formula: '1+1', result: 2 }, { formula: 'A1' }, null]],
        merges: ['A1:D1'],
        dateColumns: [1],
      },
      { name: 'Sheet2', rows: [['x']] },
    ]);
    const sheets = await readAll(path);
    expect(sheets.map((s) => s.name)).toEqual(['设备', 'Sheet2']);
    const [title, header, data] = sheets[0]!.rows;
    expect([title!.number, header!.number, data!.number]).toEqual([1, 3, 4]); // the empty row 2 is skipped, numbering is not
    expect(data!.cells[0]).toEqual(new Date(Date.UTC(2023, 4, 1)));
    expect(data!.cells[1]).toBe(2);
    expect(data!.cells[2]).toEqual({ problem: 'formula', text: '=A1' });
  });

  it('joins rich text and keeps long numbers as the numbers Excel stored', async () => {
    const path = file('rich.xlsx');
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('S');
    sheet.addRow([{ richText: [{ text: '张家港' }, { text: '塘桥', font: { bold: true } }] }, 320582199001011234, { error: '#N/A' }]);
    await workbook.xlsx.writeFile(path);
    const [row] = (await readAll(path))[0]!.rows;
    expect(row!.cells[0]).toBe('张家港塘桥');
    expect(Number.isSafeInteger(row!.cells[1])).toBe(false);
    expect(row!.cells[2]).toEqual({ problem: 'error', text: '#N/A' });
  });

  it('refuses files that are not a readable xlsx, saying what to do', async () => {
    const garbage = file('坏.xlsx');
    writeFileSync(garbage, 'this is not a zip file at all');
    await expect(openSpreadsheet(garbage, '坏.xlsx')).rejects.toMatchObject({ code: 'UNREADABLE_FILE', message: expect.stringContaining('另存为 .xlsx') });
    const xls = file('旧.xls');
    writeFileSync(xls, Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]));
    await expect(openSpreadsheet(xls, '旧.xls')).rejects.toMatchObject({ code: 'UNREADABLE_FILE', message: expect.stringContaining('Excel 97-2003') });
    const empty = file('空.xlsx');
    writeFileSync(empty, '');
    await expect(openSpreadsheet(empty, '空.xlsx')).rejects.toMatchObject({ code: 'UNREADABLE_FILE' });
    await expect(openSpreadsheet(file('没有.xlsx'), '没有.xlsx')).rejects.toMatchObject({ code: 'UNREADABLE_FILE' });
    const pdf = file('x.pdf');
    writeFileSync(pdf, '%PDF-1.4');
    await expect(openSpreadsheet(pdf, 'x.pdf')).rejects.toMatchObject({ code: 'UNREADABLE_FILE', message: expect.stringContaining('.xlsx 和 .csv') });
  });

  it('never splits a Chinese character at a chunk boundary (inline and shared strings)', async () => {
    // exceljs decodes 16 KB chunks one by one: without our fix about one cell in a few hundred came out with "��"
    const texts = Array.from({ length: 3000 }, (_, i) => `张家港市塘桥镇第${i}号${'特种设备安全监督'.slice(0, 1 + (i % 8))}有限公司`);
    for (const [name, shared] of [['inline.xlsx', false], ['shared.xlsx', true]] as const) {
      const path = file(name);
      if (shared) {
        await writeXlsx(path, [{ name: '表', rows: texts.map((t) => [t]) }]); // the in-memory writer uses shared strings
      } else {
        const writer = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useSharedStrings: false });
        const sheet = writer.addWorksheet('表');
        for (const t of texts) sheet.addRow([t]).commit();
        await writer.commit();
      }
      const [sheet] = await readAll(path);
      expect(sheet!.rows.map((r) => r.cells[0])).toEqual(texts);
    }
  });

  it('reads zips whatever the order of their parts (shared strings before the sheet, workbook.xml last)', async () => {
    const path = file('order.xlsx');
    await writeXlsx(path, [
      { name: '设备台账', rows: [['使用单位名称', '设备代码', '下次检验日期'], ['甲公司', '31103205822015000001', new Date(Date.UTC(2025, 4, 1))]], dateColumns: [3] },
      { name: '人员', rows: [['姓名'], ['张三']] },
    ]);
    for (const [label, order] of partOrders) {
      reorderZip(path, order);
      const sheets = await readAll(path);
      expect(sheets.map((s) => [s.name, s.rows.map((r) => r.cells)]), label).toEqual([
        ['设备台账', [['使用单位名称', '设备代码', '下次检验日期'], ['甲公司', '31103205822015000001', new Date(Date.UTC(2025, 4, 1))]]],
        ['人员', [['姓名'], ['张三']]],
      ]);
    }
  });

  // The intermittent "没有找到设备台账或安全管理人员表" of issue 3. exceljs' reader walked the zip front to
  // back (unzipper's Parse stream, read through exceljs' iterateStream). Parse buffers small parts
  // without a reader and, once it has parsed the last byte of the file, emits 'end' itself, before its
  // queued entries have been read; iterateStream took that 'end' as "no more parts". So every part still
  // queued when a consumer paused (on its rows, or while exceljs parked a sheet in a temporary file)
  // was dropped: later sheets, the shared strings (cells read as indexes), styles (dates as numbers),
  // workbook.xml (sheet names). How often depended on the thread pool's timing, hence "sometimes".
  // A consumer that waits between batches made it happen every time; parts are now read by random access.
  it('reads every sheet, shared string and style however slowly the rows are consumed, in any part order', async () => {
    const path = file('slow.xlsx');
    await writeXlsx(path, [
      { name: '设备台账', rows: [['塘桥分局设备台账'], equipmentHeader, equipmentRow(1), equipmentRow(2, 1, { 下次检验日期: new Date(Date.UTC(2025, 4, 1)) })], dateColumns: [14] },
      { name: '安全管理人员', rows: [managerHeader, managerRow(1)] },
    ] as never);
    for (const [label, order] of partOrders) {
      reorderZip(path, order);
      const sheets = await readAll(path, 'slow.xlsx', 30);
      expect(sheets.map((s) => [s.name, s.rows.length]), label).toEqual([
        ['设备台账', 4],
        ['安全管理人员', 2],
      ]);
      expect(sheets[0]!.rows[1]!.cells).toEqual(equipmentHeader);
      expect(sheets[0]!.rows[3]!.cells[13], label).toEqual(new Date(Date.UTC(2025, 4, 1)));
      expect(sheets[1]!.rows[1]!.cells[3], label).toBe(managerRow(1)[3]);
    }
  });

  it('reads back, every time, what exceljs writes (in-memory and streaming writers)', async () => {
    const model = generateDistrict({ seed: 11, units: 2 });
    for (let i = 0; i < 15; i++) {
      const small = file(`small-${i}.xlsx`);
      await writeXlsx(small, [
        { name: '设备台账', rows: [equipmentHeader, ...Array.from({ length: 1 + (i % 4) }, (_, n) => equipmentRow(n + 1))] },
        { name: '安全管理人员', rows: [managerHeader, managerRow(1)] },
      ] as never);
      expect((await readAll(small)).map((s) => [s.name, s.rows.length])).toEqual([
        ['设备台账', 2 + (i % 4)],
        ['安全管理人员', 2],
      ]);
      const ledger = file(`ledger-${i}.xlsx`);
      const written = await writeLedgerXlsx(model, ledger, { defects: i % 2 === 0 });
      const sheets = await readAll(ledger);
      expect(sheets.map((s) => [s.name, s.rows.at(-1)!.number])).toEqual(written.sheets.map((s) => [s.name, s.lastRow]));
    }
  });

  it('reports a damaged file in Chinese instead of waiting for it forever or reading garbage', async () => {
    const path = file('damaged.xlsx');
    await writeXlsx(path, [{ name: 'S', rows: Array.from({ length: 300 }, (_, i) => [`第${i}行`, i, '张家港市塘桥镇人民路']) }]);
    const good = readFileSync(path);
    const damaged = expect.objectContaining({ code: 'UNREADABLE_FILE', message: expect.stringContaining('文件已损坏') });

    const scrambled = Buffer.from(good);
    for (let i = 1500; i < 1900; i++) scrambled[i] = (scrambled[i]! * 7 + 13) & 0xff; // inside the compressed sheet; the zip directory is intact
    writeFileSync(path, scrambled);
    await expect(readAll(path)).rejects.toEqual(damaged);

    const record = centralRecord(good, 'xl/worksheets/sheet1.xml');

    // data that inflates but is not what was written (here: the CRC no longer matches): refused, not imported
    const crc = Buffer.from(good);
    crc.writeUInt32LE((crc.readUInt32LE(record + 16) ^ 1) >>> 0, record + 16);
    writeFileSync(path, crc);
    await expect(readAll(path)).rejects.toEqual(damaged);

    // a part that unpacks to more than the directory says (how a zip bomb would get past zip-guard's size check)
    const lying = Buffer.from(good);
    lying.writeUInt32LE(100, record + 24);
    writeFileSync(path, lying);
    await expect(readAll(path)).rejects.toEqual(damaged);
  });

  it('reads packages from other writers: parts found through relationships, prefixes, no cell references, 1904 dates', async () => {
    const path = file('other.xlsx');
    const rel = (id: string, type: string, target: string) =>
      `<Relationship Id="${id}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/${type}" Target="${target}"/>`;
    const ns = 'xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
    writeZip(path, [
      ['xl/sheets/台账.xml', `<?xml version="1.0" encoding="UTF-8"?><x:worksheet ${ns}><x:sheetData>
        <x:row r="1"><x:c r="A1" t="s"><x:v>0</x:v></x:c><x:c t="s"><x:v>1</x:v></x:c><x:c t="inlineStr"><x:is><x:r><x:t>甲</x:t></x:r><x:r><x:t xml:space="preserve"> 乙</x:t></x:r></x:is></x:c></x:row>
        <x:row><x:c r="A2" s="1"><x:v>45000</x:v></x:c><x:c r="B2" s="2"><x:v>12.5</x:v></x:c><x:c r="C2" t="b"><x:v>1</x:v></x:c><x:c r="D2" t="e"><x:v>#N/A</x:v></x:c>
          <x:c r="E2" t="str"><x:f>A1&amp;B1</x:f><x:v>a&amp;lt;b</x:v></x:c><x:c r="F2"><x:f>1+1</x:f></x:c><x:c r="G2" s="3"><x:f>TODAY()</x:f><x:v>45000</x:v></x:c><x:c r="H2" t="s"><x:v>2</x:v></x:c></x:row>
        <x:row r="5"><x:c r="A5" s="1"/><x:c r="B5" t="inlineStr"><x:is><x:t></x:t></x:is></x:c></x:row>
        <x:row r="6"><x:c r="C6"><x:v>3</x:v></x:c></x:row>
      </x:sheetData></x:worksheet>`],
      ['xl/worksheets/sheet2.xml', '<worksheet><sheetData><row r="1"><c r="B1" t="inlineStr"><is><t>隐</t></is></c></row></sheetData></worksheet>'],
      ['xl/chartsheets/sheet1.xml', '<chartsheet/>'],
      ['xl/sharedStrings.xml', `<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>使用单位名称</t></si>
        <si><r><t>张家港</t></r><r><rPr><b/></rPr><t>塘桥</t></r><rPh sb="0" eb="1"><t>ちょう</t></rPh></si><si><t>第一行_x000D_第二行</t></si></sst>`],
      ['xl/styles.xml', `<styleSheet><numFmts count="1"><numFmt numFmtId="164" formatCode="0.00&quot;元&quot;"/></numFmts>
        <cellXfs count="4"><xf numFmtId="0"/><xf numFmtId="31"/><xf numFmtId="164"/><xf numFmtId="14"><alignment horizontal="center"/></xf></cellXfs>
        <dxfs count="1"><dxf><numFmt numFmtId="164" formatCode="yyyy"/></dxf></dxfs></styleSheet>`],
      ['xl/book.xml', `<x:workbook ${ns}><x:workbookPr date1904="1"/><x:sheets><x:sheet name="台账" sheetId="1" r:id="rId1"/><x:sheet name="图表" sheetId="2" r:id="rId2"/><x:sheet name="隐藏" sheetId="3" state="hidden" r:id="rId5"/></x:sheets></x:workbook>`],
      ['xl/_rels/book.xml.rels', `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rel('rId1', 'worksheet', 'sheets/%E5%8F%B0%E8%B4%A6.xml')}${rel('rId2', 'chartsheet', 'chartsheets/sheet1.xml')}${rel('rId3', 'sharedStrings', '/xl/SharedStrings.xml')}${rel('rId4', 'styles', './styles.xml')}${rel('rId5', 'worksheet', 'worksheets/sheet2.xml')}</Relationships>`],
      ['_rels/.rels', `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rel('rId1', 'officeDocument', 'xl/book.xml')}</Relationships>`],
    ]);
    const day45000 = new Date(Date.UTC(1904, 0, 1) + 45000 * 86_400_000); // the 1904 date system
    expect(await readAll(path)).toEqual([
      {
        name: '台账',
        rows: [
          { number: 1, cells: ['使用单位名称', '张家港塘桥', '甲 乙'] },
          { number: 2, cells: [day45000, 12.5, true, { problem: 'error', text: '#N/A' }, 'a&lt;b', { problem: 'formula', text: '=1+1' }, day45000, '第一行\r第二行'] },
          { number: 6, cells: [null, null, 3] },
        ],
      },
      { name: '隐藏', rows: [{ number: 1, cells: [null, '隐'] }] },
    ]);
  });

  it('holds a shared-string table to the cap whatever the workbook names it', async () => {
    const path = file('strings.xlsx');
    const rels = '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">';
    const rel = (id: string, type: string, target: string) => `<Relationship Id="${id}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/${type}" Target="${target}"/>`;
    writeZip(path, [
      ['_rels/.rels', `${rels}${rel('rId1', 'officeDocument', 'xl/workbook.xml')}</Relationships>`],
      ['xl/_rels/workbook.xml.rels', `${rels}${rel('rId1', 'worksheet', 'worksheets/sheet1.xml')}${rel('rId2', 'sharedStrings', 'strings.xml')}</Relationships>`],
      ['xl/workbook.xml', '<workbook xmlns:r="r"><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>'],
      ['xl/strings.xml', '<sst><si><t>甲</t></si></sst>'],
      ['xl/worksheets/sheet1.xml', '<worksheet><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c></row></sheetData></worksheet>'],
    ]);
    expect(await readAll(path)).toEqual([{ name: 'S', rows: [{ number: 1, cells: ['甲'] }] }]);
    const bytes = readFileSync(path);
    bytes.writeUInt32LE(600 * 1024 * 1024, centralRecord(bytes, 'xl/strings.xml') + 24); // says it unpacks to 600 MB
    writeFileSync(path, bytes);
    await expect(readAll(path)).rejects.toMatchObject({ code: 'UNREADABLE_FILE', message: expect.stringContaining('文字内容过多') });
  });

  it('refuses a sheet wider than the column cap', async () => {
    const path = file('wide.xlsx');
    const row = Array.from({ length: 300 }, (_, i) => `c${i}`);
    await writeXlsx(path, [{ name: 'S', rows: [row] }]);
    await expect(readAll(path)).rejects.toMatchObject({ code: 'VALIDATION', message: expect.stringContaining('超过 256 列') });
  });
});

describe('csv', () => {
  const rows = [
    ['使用单位名称', '备注'],
    ['张家港市塘桥某某有限公司', '含,逗号'],
    ['乙公司', '两行\n说明 "引号"'],
    [null, null],
    ['丙', '="320582199001011234"'],
  ];

  it.each(['utf8', 'utf8-bom', 'gbk'] as const)('reads %s, with quotes, commas and line breaks inside fields', async (encoding) => {
    const path = file(`设备台账-${encoding}.csv`);
    writeCsv(path, rows, encoding);
    const [sheet] = await readAll(path, `设备台账-${encoding}.csv`);
    expect(sheet!.name).toBe(`设备台账-${encoding}`);
    expect(sheet!.rows.map((r) => r.number)).toEqual([1, 2, 3, 5]); // the empty record 4 is skipped, numbering is not
    expect(sheet!.rows.map((r) => r.cells)).toEqual([
      ['使用单位名称', '备注'],
      ['张家港市塘桥某某有限公司', '含,逗号'],
      ['乙公司', '两行\n说明 "引号"'],
      ['丙', '320582199001011234'],
    ]);
  });

  it('reads tab-separated text and a staged file without extension by content', async () => {
    const path = file('tabs.txt');
    writeFileSync(path, iconv.encode('使用单位名称\t设备代码\r\n甲\t31101234567890123\r\n', 'gbk'));
    const [sheet] = await readAll(path, '设备.txt');
    expect(sheet!.rows[1]!.cells).toEqual(['甲', '31101234567890123']);
  });
});
