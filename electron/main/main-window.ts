import { BrowserWindow, screen } from 'electron';
import { APP_ENTRY_URL, secureWebPreferences } from './security.ts';
import { productName } from './text.ts';
import { loadWindowState, minWindowSize, saveWindowState } from './window-state.ts';

export interface MainWindowOptions {
  preloadPath: string;
  dev: boolean;
  windowStateFile: string;
  /** shown in the Linux task bar; Windows takes the icon from the executable */
  iconPath?: string;
  onLog: (message: string) => void;
}

/** The one window: restored to its last place, shown once painted, its place saved on close. */
export function createMainWindow(options: MainWindowOptions): BrowserWindow {
  const workAreas = [screen.getPrimaryDisplay(), ...screen.getAllDisplays()].map((display) => display.workArea);
  const state = loadWindowState(options.windowStateFile, workAreas);
  const window = new BrowserWindow({
    ...state.bounds,
    minWidth: minWindowSize.width,
    minHeight: minWindowSize.height,
    show: false,
    title: productName,
    backgroundColor: '#ffffff',
    ...(options.iconPath ? { icon: options.iconPath } : {}),
    webPreferences: secureWebPreferences(options.preloadPath, { dev: options.dev }),
  });
  if (state.maximized) window.maximize();
  window.once('ready-to-show', () => window.show());

  window.on('close', () => {
    try {
      saveWindowState(options.windowStateFile, { bounds: window.getNormalBounds(), maximized: window.isMaximized() });
    } catch (error) {
      // losing the window's place is not worth stopping the quit for
      options.onLog(`window state not saved: ${error instanceof Error ? error.message : String(error)}`);
    }
  });

  void window.loadURL(APP_ENTRY_URL);
  return window;
}
