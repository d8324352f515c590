import type { MenuItemConstructorOptions } from 'electron';
import { text } from './text.ts';

export interface MenuOptions {
  /** development build: reload and DevTools are offered */
  dev: boolean;
  onAbout: () => void;
  /** 帮助 → 检查更新… */
  onCheckUpdates: () => void;
}

const { menu } = text;

/**
 * The application menu for Windows and Linux. Labels are given for every role
 * because Electron's defaults are English; reload and DevTools exist only in
 * development, so a desk user cannot throw away an unsaved form with F5.
 */
export function buildMenuTemplate(options: MenuOptions): MenuItemConstructorOptions[] {
  const devItems: MenuItemConstructorOptions[] = options.dev
    ? [
        { label: menu.reload, role: 'reload' },
        { label: menu.devTools, role: 'toggleDevTools' },
        { type: 'separator' },
      ]
    : [];
  return [
    { label: menu.file, submenu: [{ label: menu.quit, role: 'quit' }] },
    {
      label: menu.edit,
      submenu: [
        { label: menu.undo, role: 'undo' },
        { label: menu.redo, role: 'redo' },
        { type: 'separator' },
        { label: menu.cut, role: 'cut' },
        { label: menu.copy, role: 'copy' },
        { label: menu.paste, role: 'paste' },
        { label: menu.selectAll, role: 'selectAll' },
      ],
    },
    {
      label: menu.view,
      submenu: [
        ...devItems,
        { label: menu.resetZoom, role: 'resetZoom' },
        { label: menu.zoomIn, role: 'zoomIn' },
        { label: menu.zoomOut, role: 'zoomOut' },
        { type: 'separator' },
        { label: menu.fullScreen, role: 'togglefullscreen' },
      ],
    },
    {
      label: menu.window,
      submenu: [
        { label: menu.minimize, role: 'minimize' },
        { label: menu.close, role: 'close' },
      ],
    },
    {
      label: menu.help,
      submenu: [
        { label: menu.checkUpdates, click: () => options.onCheckUpdates() },
        { type: 'separator' },
        { label: menu.about, click: () => options.onAbout() },
      ],
    },
  ];
}
