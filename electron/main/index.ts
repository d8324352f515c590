import path from 'node:path';
import { app, type BrowserWindow, dialog, ipcMain, Menu, powerMonitor, protocol, safeStorage, session, shell, utilityProcess } from 'electron';
import type { SafeStorageLike } from '../core/context.ts';
import { routeCalls } from '../core-host/host-calls.ts';
import { bundleFilesInArgv, OpenedFiles } from '../core-host/opened-files.ts';
import { appSchemePrivileges, registerAppProtocol } from './app-protocol.ts';
import { CoreProcess } from './core-process.ts';
import { electronHostCalls } from './host-dialogs.ts';
import { bindContract, mainWindowSender } from './ipc.ts';
import { createMainWindow } from './main-window.ts';
import { buildMenuTemplate } from './menu.ts';
import { dataPaths } from './paths.ts';
import { effectiveUpdateSettings, readReleaseDefaults } from './release-defaults.ts';
import { forwardScreenLock } from './screen-lock.ts';
import { externalHosts } from './security.ts';
import { loadSettings } from './settings.ts';
import { startupErrorBox } from './startup-error.ts';
import { productName, text } from './text.ts';
import { nativeUpdateUi } from './update-ui.ts';
import { updaterOptions, updatesOffReason, UpdateFlow } from './updater.ts';
import { hardenWebContents, denyPermissions } from './web-contents.ts';
import { forwardCoreEvents, hostEventChannel, onSecondInstance } from './window-events.ts';

// The Electron entry, bundled to dist/electron/main.cjs by scripts/build-electron.ts.
// Wiring only: every decision lives in a small module with its own tests. The main
// process holds the window, the menu and the dialogs; the database and the core run
// in a separate core process (dist/electron/core-process.cjs, in worker threads
// there), so nothing here ever waits on SQLite.

const appId = 'cn.gov.zjg.qkldesk';
const dev = !app.isPackaged;
const log = console;

// Both must happen before "ready".
protocol.registerSchemesAsPrivileged([appSchemePrivileges]);
app.enableSandbox();

let core: CoreProcess | null = null;
let mainWindow: BrowserWindow | null = null;
let opened: OpenedFiles | null = null;
let updates: UpdateFlow | null = null;
const unwire: Array<() => void> = [];
let closed = false;

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

function sendToWindow(channel: string): void {
  if (mainWindow && !mainWindow.isDestroyed()) mainWindow.webContents.send(channel);
}

/** 帮助 → 检查更新…, and the quiet check at start: only with a server configured and allowed. */
function setUpUpdates(settingsFile: string): () => void {
  const settings = effectiveUpdateSettings(readReleaseDefaults(app.getAppPath()), loadSettings(settingsFile));
  const options = updaterOptions(settings.updateUrl, settings);
  const ui = nativeUpdateUi(dialog, () => mainWindow);
  const flow = async (): Promise<UpdateFlow | null> => {
    if (!options) return null;
    // loaded on first use: electron-updater is not needed for a session without updates
    updates ??= new UpdateFlow((await import('electron-updater')).autoUpdater, options, ui, log, app.getVersion());
    return updates;
  };
  if (!dev && options) void flow().then((f) => f?.run('startup'));
  return () => {
    const off = updatesOffReason(settings.updateUrl, settings);
    if (off) return ui.tell('info', off);
    void flow().then((f) => f?.run('menu'));
  };
}

async function start(): Promise<void> {
  const paths = dataPaths(app.getPath('userData'));
  try {
    core = await CoreProcess.start({
      fork: () => utilityProcess.fork(path.join(__dirname, 'core-process.cjs'), [], { serviceName: `${productName} 数据服务`, stdio: 'inherit' }),
      start: {
        file: paths.dbFile,
        backupDir: paths.backupDir,
        // the bundles cannot find db/migrations next to themselves; say where they are
        migrationsDir: resourcePath('migrations', 'db/migrations'),
      },
      safeStorage: keySafeStorage(),
      log: (message, error) => log.error(message, error ?? ''),
    });
  } catch (error) {
    log.error('database could not be opened', error);
    const box = startupErrorBox(error);
    dialog.showErrorBox(box.title, box.content);
    app.quit();
    return;
  }
  const running = core;

  denyPermissions(session.defaultSession);
  registerAppProtocol(protocol, path.join(app.getAppPath(), 'dist/renderer'));
  opened = new OpenedFiles((file) => running.grant(file, 'file'), () => sendToWindow(hostEventChannel('files-opened')), (message) => log.warn(message));
  const calls = routeCalls(
    running,
    electronHostCalls({ core: running, dialog, getWindow: () => mainWindow, opened, saveDir: () => app.getPath('documents') }),
    (name, error) => log.error(`call ${name} failed`, error),
  );
  unwire.push(bindContract(ipcMain, calls, mainWindowSender(() => mainWindow)));
  unwire.push(forwardCoreEvents(running, sendToWindow));
  const checkUpdates = setUpUpdates(paths.settingsFile);
  Menu.setApplicationMenu(Menu.buildFromTemplate(buildMenuTemplate({ dev, onAbout: showAbout, onCheckUpdates: checkUpdates })));

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
  unwire.push(forwardScreenLock(powerMonitor, sendToWindow));
  // a double-click on a .qklb started the program: the window opens it once it has loaded
  await opened.add(bundleFilesInArgv(process.argv.slice(1), process.cwd()));
}

// A second copy would open the same database and show a second window: the first
// copy comes forward instead, and opens the .qklb the second was started with.
if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  if (process.platform === 'win32') app.setAppUserModelId(appId);

  app.on('second-instance', (_event, argv, workingDirectory) => {
    if (opened) void onSecondInstance(argv, workingDirectory, mainWindow, opened);
    else if (mainWindow) mainWindow.focus();
  });
  app.on('web-contents-created', (_event, contents) => {
    hardenWebContents(contents, (url) => void shell.openExternal(url), externalHosts);
  });
  app.on('window-all-closed', () => app.quit());
  app.on('will-quit', (event) => {
    if (closed || !core) return;
    // the core closes its database first (PRAGMA optimize, WAL checkpoint), then we quit
    event.preventDefault();
    closed = true;
    for (const off of unwire.splice(0)) off();
    void core.close().finally(() => app.quit());
  });

  app
    .whenReady()
    .then(start)
    .catch((error: unknown) => {
      log.error('app failed to start', error);
      app.quit();
    });
}
