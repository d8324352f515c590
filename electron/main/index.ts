import path from 'node:path';
import { app, type BrowserWindow, dialog, ipcMain, Menu, powerMonitor, protocol, safeStorage, session, shell } from 'electron';
import type { SafeStorageLike } from '../core/context.ts';
import { openCore, type OpenedCore } from '../core/open-core.ts';
import { appSchemePrivileges, registerAppProtocol } from './app-protocol.ts';
import { bindContract, mainWindowSender } from './ipc.ts';
import { createMainWindow } from './main-window.ts';
import { buildMenuTemplate } from './menu.ts';
import { dataPaths } from './paths.ts';
import { forwardScreenLock } from './screen-lock.ts';
import { externalHosts } from './security.ts';
import { loadSettings } from './settings.ts';
import { startupErrorBox } from './startup-error.ts';
import { productName, text } from './text.ts';
import { checkForUpdates, updaterOptions } from './updater.ts';
import { hardenWebContents, denyPermissions } from './web-contents.ts';

// The Electron entry, bundled to dist/electron/main.cjs by scripts/build-electron.ts.
// Wiring only: every decision lives in a small module with its own tests.

const appId = 'cn.gov.zjg.qkldesk';
const dev = !app.isPackaged;
const log = console;

// Both must happen before "ready".
protocol.registerSchemesAsPrivileged([appSchemePrivileges]);
app.enableSandbox();

let core: OpenedCore | null = null;
let mainWindow: BrowserWindow | null = null;
let unbindContract: (() => void) | null = null;
let unwireScreenLock: (() => void) | null = null;

/** Inside the package, data files sit in resources/; in development, in the repository. */
function resourcePath(packaged: string, repository: string): string {
  return app.isPackaged ? path.join(process.resourcesPath, packaged) : path.join(app.getAppPath(), repository);
}

function showAbout(): void {
  const options = {
    type: 'info' as const,
    title: text.about.title,
    message: productName,
    detail: text.about.detail(app.getVersion()),
    buttons: [text.about.ok],
  };
  void (mainWindow ? dialog.showMessageBox(mainWindow, options) : dialog.showMessageBox(options));
}

/**
 * safeStorage for the node's private keys. On Linux without a keyring Electron falls
 * back to "basic_text" (a fixed, public password): that is no protection, so there the
 * keys are sealed with a passphrase instead.
 */
function keySafeStorage(): SafeStorageLike {
  return {
    isEncryptionAvailable: () => safeStorage.isEncryptionAvailable() && !(process.platform === 'linux' && safeStorage.getSelectedStorageBackend() === 'basic_text'),
    encryptString: (plain) => safeStorage.encryptString(plain),
    decryptString: (sealed) => safeStorage.decryptString(sealed),
  };
}

function start(): void {
  const paths = dataPaths(app.getPath('userData'));
  try {
    core = openCore({
      file: paths.dbFile,
      backupDir: paths.backupDir,
      host: 'electron',
      keyAccess: { safeStorage: keySafeStorage() },
      // the bundle cannot find db/migrations next to itself; say where they are
      migrationsDir: resourcePath('migrations', 'db/migrations'),
      onInternalError: (name, error) => log.error(`call ${name} failed`, error),
    });
  } catch (error) {
    log.error('database could not be opened', error);
    const box = startupErrorBox(error);
    dialog.showErrorBox(box.title, box.content);
    app.quit();
    return;
  }

  denyPermissions(session.defaultSession);
  registerAppProtocol(protocol, path.join(app.getAppPath(), 'dist/renderer'));
  unbindContract = bindContract(ipcMain, core, mainWindowSender(() => mainWindow));
  Menu.setApplicationMenu(Menu.buildFromTemplate(buildMenuTemplate({ dev, onAbout: showAbout })));

  mainWindow = createMainWindow({
    preloadPath: path.join(app.getAppPath(), 'dist/electron/preload.cjs'),
    dev,
    windowStateFile: paths.windowStateFile,
    iconPath: resourcePath('resources/icon.png', 'resources/icon.png'),
    onLog: (message) => log.warn(message),
  });
  mainWindow.on('closed', () => {
    mainWindow = null;
  });
  // the page forgets the passphrase when the screen locks or the PC sleeps
  unwireScreenLock = forwardScreenLock(powerMonitor, (channel) => {
    if (mainWindow && !mainWindow.isDestroyed()) mainWindow.webContents.send(channel);
  });

  const updates = updaterOptions(loadSettings(paths.settingsFile).updateUrl);
  if (!dev && updates) void checkForUpdates(updates, log);
}

// A second copy would open the same database and show a second window; the
// first copy is brought forward instead. (Opening a .qklb file passed in
// argv is still to be wired to the bundle import.)
if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  if (process.platform === 'win32') app.setAppUserModelId(appId);

  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  app.on('web-contents-created', (_event, contents) => {
    hardenWebContents(contents, (url) => void shell.openExternal(url), externalHosts);
  });
  app.on('window-all-closed', () => app.quit());
  app.on('will-quit', () => {
    unbindContract?.();
    unbindContract = null;
    unwireScreenLock?.();
    unwireScreenLock = null;
    // closing runs PRAGMA optimize and checkpoints the WAL
    core?.close();
    core = null;
  });

  app
    .whenReady()
    .then(start)
    .catch((error: unknown) => {
      log.error('app failed to start', error);
      app.quit();
    });
}
