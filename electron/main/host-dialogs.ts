import { copyFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { BrowserWindow, OpenDialogOptions, PrintToPDFOptions, SaveDialogOptions } from 'electron';
import { AppError } from '../api/errors.ts';
import { coreStatus, openedFilesHandler, restartCore, type HostHandlers } from '../core-host/host-calls.ts';
import type { OpenedFiles } from '../core-host/opened-files.ts';
import type { CoreRunner } from '../core-host/runner.ts';
import { text } from './text.ts';

// The window's own calls in the desktop app: Electron's native dialogs, its PDF
// printer, and the core's state. A picked path goes to the core (grant) and the page
// gets a reference; a file is saved where the user chose in the save dialog. The page
// never sends a path here, and never gets one except as a place to show ("已保存到 …").

export interface DialogLike {
  showOpenDialog(window: BrowserWindow, options: OpenDialogOptions): Promise<{ canceled: boolean; filePaths: string[] }>;
  showSaveDialog(window: BrowserWindow, options: SaveDialogOptions): Promise<{ canceled: boolean; filePath?: string }>;
}

export interface PrintableWindow {
  readonly webContents: { printToPDF(options: PrintToPDFOptions): Promise<Buffer> };
}

export interface ElectronHostOptions {
  core: CoreRunner;
  dialog: DialogLike;
  /** the main window (calls come only from it: the IPC binding checks the sender) */
  getWindow: () => (BrowserWindow & PrintableWindow) | null;
  opened: OpenedFiles;
  /** where save dialogs start: the user's Documents */
  saveDir: () => string;
}

const filterFor = (fileName: string): SaveDialogOptions['filters'] => {
  const ext = path.extname(fileName).slice(1).toLowerCase();
  const names: Record<string, string> = {
    qklb: text.dialogs.filters.bundle,
    qklr: text.dialogs.filters.receipt,
    xlsx: text.dialogs.filters.xlsx,
    docx: text.dialogs.filters.docx,
    pdf: text.dialogs.filters.pdf,
    csv: text.dialogs.filters.csv,
    pub: text.dialogs.filters.pub,
  };
  const known = names[ext];
  return known ? [{ name: known, extensions: [ext] }, { name: text.dialogs.filters.all, extensions: ['*'] }] : [{ name: text.dialogs.filters.all, extensions: ['*'] }];
};

/** A name the page proposed, as a file name only: whatever it says, the dialog starts in saveDir. */
const proposedName = (fileName: string) => path.basename(fileName.replace(/\\/g, '/'));

export function electronHostCalls(options: ElectronHostOptions): HostHandlers {
  const { core, dialog } = options;
  const window = () => {
    const w = options.getWindow();
    if (!w) throw new AppError('CONFLICT', '程序窗口尚未就绪，请稍后重试');
    return w;
  };
  const status = () => ({ kind: 'electron' as const, core: coreStatus(core), canPickFolder: true, canSavePdf: true });
  const askWhereToSave = async (fileName: string, title: string): Promise<string | null> => {
    const result = await dialog.showSaveDialog(window(), { title, defaultPath: path.join(options.saveDir(), proposedName(fileName)), filters: filterFor(fileName) });
    return result.canceled || !result.filePath ? null : result.filePath;
  };

  return {
    'host.status': status,
    'host.restartCore': async () => {
      await restartCore(core);
      return status();
    },
    'host.openedFiles': openedFilesHandler(options.opened),

    'host.pickFile': async ({ purpose, multiple }) => {
      const bundle = purpose === 'bundle';
      const result = await dialog.showOpenDialog(window(), {
        title: bundle ? text.dialogs.pickBundles : text.dialogs.pickReceipt,
        filters: [bundle ? { name: text.dialogs.filters.bundle, extensions: ['qklb'] } : { name: text.dialogs.filters.receipt, extensions: ['qklr'] }],
        properties: ['openFile', ...(multiple ? (['multiSelections'] as const) : [])],
      });
      if (result.canceled) return { files: [] };
      const files = [];
      for (const file of result.filePaths) {
        const info = await stat(file);
        if (!info.isFile()) continue;
        files.push({ ref: await core.grant(file, 'file'), name: path.basename(file), size: info.size });
      }
      return { files };
    },

    'host.pickFolder': async ({ purpose }) => {
      const result = await dialog.showOpenDialog(window(), { title: text.dialogs.pickFolder[purpose], properties: ['openDirectory', 'createDirectory'] });
      const folder = result.canceled ? undefined : result.filePaths[0];
      if (!folder) return { folder: null };
      return { folder: { ref: await core.grant(folder, 'folder'), label: folder } };
    },

    'host.saveFile': async ({ fileName, source }) => {
      const target = await askWhereToSave(fileName, text.dialogs.save);
      if (!target) return { saved: false, location: null };
      try {
        if (source.kind === 'content') await writeFile(target, Buffer.from(source.contentBase64, 'base64'));
        else await copyFile(await core.resolveRef(source.ref), target);
      } catch (error) {
        if (error instanceof AppError) throw error;
        throw new AppError('UNREADABLE_FILE', `无法保存到“${target}”：${(error as NodeJS.ErrnoException).code === 'EBUSY' ? '文件正被其他程序打开，请关闭后重试' : '请确认位置可写（U 盘未写保护、空间足够）后重试'}`);
      }
      return { saved: true, location: target };
    },

    'host.printToPdf': async ({ fileName, landscape }) => {
      const target = await askWhereToSave(fileName, text.dialogs.savePdf);
      if (!target) return { saved: false, printed: false, location: null };
      // the page's own @page rule (A4, portrait or landscape) decides; landscape is the fallback
      const pdf = await window().webContents.printToPDF({ pageSize: 'A4', landscape, printBackground: true, preferCSSPageSize: true });
      try {
        await writeFile(target, pdf);
      } catch {
        throw new AppError('UNREADABLE_FILE', `无法保存到“${target}”：文件可能正被其他程序打开，或位置不可写。请关闭该文件或换一个位置后重试。`);
      }
      return { saved: true, printed: false, location: target };
    },
  };
}
