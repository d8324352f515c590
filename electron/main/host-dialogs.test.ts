import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { exchangeNode, PASSPHRASE, trustEachOther } from '../../tests/support/exchange.ts';
import { tempDir } from '../../tests/support/temp.ts';
import { CoreHost, sourceCoreWorker } from '../core-host/core-host.ts';
import { routeCalls } from '../core-host/host-calls.ts';
import { OpenedFiles } from '../core-host/opened-files.ts';
import { electronHostCalls, type DialogLike, type PrintableWindow } from './host-dialogs.ts';

// The desktop app's window calls on the real core (the bureau's database, in worker
// threads, as in the core process): only Electron's dialogs and printToPDF are fakes
// that answer as a user would.

let temp: ReturnType<typeof tempDir>;
let core: CoreHost | null = null;
afterEach(async () => {
  await core?.close();
  core = null;
  temp?.cleanup();
});

/** A real bundle from 塘桥分局 on the "USB stick", and the bureau's database trusting it. */
async function bureauWithBundle() {
  temp = tempDir();
  const usb = temp.file('usb');
  mkdirSync(usb);
  const office = await exchangeNode('district', '塘桥分局', 'seed-district-03');
  const bureau = await exchangeNode('bureau', '市局特设科', null, { file: temp.file('qkl.sqlite'), dir: temp.dir });
  await trustEachOther(office, bureau);
  await office.ok('units.create', { districtId: 'seed-district-03', name: '张家港市测试机械厂', uscc: '91320582MA1M7B3X2W' });
  const bundle = path.join(usb, '塘桥分局-0001.qklb');
  await office.ok('bundles.export', { outFile: bundle, full: true });
  office.cleanup();
  bureau.close();
  core = await CoreHost.start({ file: temp.file('qkl.sqlite'), host: 'electron', spawn: sourceCoreWorker(), log: () => {} });
  // on the desktop nothing is written before a 经办人 is chosen; the first one added is chosen
  expect(await core.callByName('staff.add', { name: '王敏', title: '科员' })).toMatchObject({ ok: true });
  return { usb, bundle };
}

function fakeElectron(answers: { open?: string[][]; save?: Array<string | null> }) {
  const asked: Array<{ kind: string; options: Record<string, unknown> }> = [];
  const dialog: DialogLike = {
    showOpenDialog: async (_window, options) => {
      asked.push({ kind: 'open', options: options as Record<string, unknown> });
      const filePaths = answers.open?.shift() ?? [];
      return { canceled: filePaths.length === 0, filePaths };
    },
    showSaveDialog: async (_window, options) => {
      asked.push({ kind: 'save', options: options as Record<string, unknown> });
      const filePath = answers.save?.shift() ?? null;
      return filePath ? { canceled: false, filePath } : { canceled: true };
    },
  };
  const printed: unknown[] = [];
  const window = { webContents: { printToPDF: async (options: unknown) => (printed.push(options), Buffer.from('%PDF-1.7 two lists')) } } as unknown as PrintableWindow;
  return { dialog, window, asked, printed };
}

describe('the desktop app’s window calls', () => {
  it('picks bundles and folders in native dialogs, hands the page references, and the core imports by them', async () => {
    const { usb, bundle } = await bureauWithBundle();
    const fake = fakeElectron({ open: [[bundle], [usb], []] });
    const opened = new OpenedFiles((file) => core!.grant(file, 'file'), () => {});
    const calls = routeCalls(core!, electronHostCalls({ core: core!, dialog: fake.dialog, getWindow: () => fake.window as never, opened, saveDir: () => temp.dir }));
    const call = async (name: string, input: unknown) => {
      const result = await calls.callByName(name, input);
      if (!result.ok) throw new Error(`${name}: ${result.code} ${result.message}`);
      return result.value as Record<string, unknown>;
    };

    expect(await call('host.status', {})).toEqual({ kind: 'electron', core: 'running', canPickFolder: true, canSavePdf: true });
    const picked = (await call('host.pickFile', { purpose: 'bundle', multiple: true })) as { files: Array<{ ref: string; name: string; size: number }> };
    expect(fake.asked[0]!.options).toMatchObject({ filters: [{ name: '数据包', extensions: ['qklb'] }], properties: ['openFile', 'multiSelections'] });
    expect(picked.files).toEqual([{ ref: expect.stringMatching(/^picked:[0-9a-f]{32}$/), name: '塘桥分局-0001.qklb', size: readFileSync(bundle).length }]);
    expect(JSON.stringify(picked)).not.toContain(usb);
    const [preview] = (await call('bundles.import', { paths: [picked.files[0]!.ref], dryRun: true, passphrase: PASSPHRASE })) as unknown as Array<Record<string, unknown>>;
    expect(preview).toMatchObject({ status: 'dry-run', node: { name: '塘桥分局' } });
    // the path itself is refused: only what the user picked
    expect(await calls.callByName('bundles.import', { paths: [bundle], dryRun: true, passphrase: PASSPHRASE })).toMatchObject({ ok: false, code: 'FORBIDDEN' });

    const folder = (await call('host.pickFolder', { purpose: 'bundle-import' })) as { folder: { ref: string; label: string } };
    expect(folder.folder.label).toBe(usb);
    const scan = (await call('bundles.scan', { dir: folder.folder.ref })) as { files: Array<{ path: string; fileName: string }> };
    expect(scan.files).toEqual([expect.objectContaining({ fileName: '塘桥分局-0001.qklb', path: expect.stringMatching(/^picked:/) })]);
    // a folder reference is not a file
    expect(await calls.callByName('bundles.import', { paths: [folder.folder.ref], dryRun: true, passphrase: PASSPHRASE })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    // cancelled dialogs change nothing
    expect(await call('host.pickFile', { purpose: 'receipt', multiple: false })).toEqual({ files: [] });
  }, 120_000);

  it('saves what the core made where the user chose, and prints the page to PDF', async () => {
    const { usb, bundle } = await bureauWithBundle();
    const receiptCopy = path.join(usb, '回执.qklr');
    const xlsxCopy = path.join(usb, '清单.xlsx');
    const pdfCopy = path.join(usb, '两项清单.pdf');
    const fake = fakeElectron({ save: [receiptCopy, xlsxCopy, null, pdfCopy] });
    const opened = new OpenedFiles((file) => core!.grant(file, 'file'), () => {});
    const calls = routeCalls(core!, electronHostCalls({ core: core!, dialog: fake.dialog, getWindow: () => fake.window as never, opened, saveDir: () => path.join(temp.dir, 'Documents') }));
    const call = async (name: string, input: unknown) => {
      const result = await calls.callByName(name, input);
      if (!result.ok) throw new Error(`${name}: ${result.code} ${result.message}`);
      return result.value as Record<string, unknown>;
    };
    await opened.add([bundle]);
    const { files } = (await call('host.openedFiles', {})) as { files: Array<{ ref: string }> };
    await call('bundles.import', { paths: [files[0]!.ref], passphrase: PASSPHRASE });
    const { receipts } = (await call('bundles.writeReceipts', { passphrase: PASSPHRASE })) as { receipts: Array<{ file: string; ref: string }> };

    const receiptName = path.basename(receipts[0]!.file);
    expect(await call('host.saveFile', { fileName: receiptName, source: { kind: 'ref', ref: receipts[0]!.ref } })).toEqual({ saved: true, location: receiptCopy });
    expect(readFileSync(receiptCopy)).toEqual(readFileSync(receipts[0]!.file));
    expect(fake.asked[0]!.options).toMatchObject({ defaultPath: path.join(temp.dir, 'Documents', receiptName), filters: [{ name: '回执', extensions: ['qklr'] }, { name: '所有文件', extensions: ['*'] }] });

    expect(await call('host.saveFile', { fileName: '清单.xlsx', source: { kind: 'content', mimeType: 'application/octet-stream', contentBase64: Buffer.from('PK xlsx').toString('base64') } })).toEqual({ saved: true, location: xlsxCopy });
    expect(readFileSync(xlsxCopy, 'utf8')).toBe('PK xlsx');
    expect(await call('host.saveFile', { fileName: '清单.xlsx', source: { kind: 'content', mimeType: 'x', contentBase64: '' } })).toEqual({ saved: false, location: null });
    // a name with a path in it is refused before any dialog
    expect(await calls.callByName('host.saveFile', { fileName: '../../etc/passwd', source: { kind: 'content', mimeType: 'x', contentBase64: '' } })).toMatchObject({ ok: false, code: 'VALIDATION' });
    expect(await calls.callByName('host.saveFile', { fileName: 'x.qklb', source: { kind: 'ref', ref: bundle } })).toMatchObject({ ok: false, code: 'VALIDATION' });

    expect(await call('host.printToPdf', { fileName: '两项清单.pdf', landscape: true })).toEqual({ saved: true, printed: false, location: pdfCopy });
    expect(fake.printed).toEqual([{ pageSize: 'A4', landscape: true, printBackground: true, preferCSSPageSize: true }]);
    expect(readFileSync(pdfCopy, 'utf8')).toBe('%PDF-1.7 two lists');
    expect(await calls.callByName('host.printToPdf', { fileName: '两项清单.txt' })).toMatchObject({ ok: false, code: 'VALIDATION' });
  }, 120_000);
});
