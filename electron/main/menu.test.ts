import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { buildMenuTemplate } from './menu.ts';

function submenu(template: MenuItemConstructorOptions[], label: string): MenuItemConstructorOptions[] {
  const item = template.find((entry) => entry.label === label);
  if (!item || !Array.isArray(item.submenu)) throw new Error(`no menu ${label}`);
  return item.submenu;
}

const labels = (items: MenuItemConstructorOptions[]) => items.filter((item) => item.type !== 'separator').map((item) => item.label);
const roles = (items: MenuItemConstructorOptions[]) => items.map((item) => item.role).filter(Boolean);

describe('buildMenuTemplate', () => {
  const release = buildMenuTemplate({ dev: false, onAbout: () => {}, onCheckUpdates: () => {} });

  it('has the five Chinese top-level menus in order', () => {
    expect(release.map((item) => item.label)).toEqual(['文件', '编辑', '视图', '窗口', '帮助']);
  });

  it('labels every item in Chinese (no English role defaults)', () => {
    for (const top of release) {
      for (const item of top.submenu as MenuItemConstructorOptions[]) {
        if (item.type === 'separator') continue;
        expect(item.label, String(item.role)).toMatch(/[\u4e00-\u9fff]/);
      }
    }
  });

  it('has 退出 in 文件 and the edit roles in 编辑', () => {
    expect(submenu(release, '文件')).toEqual([{ label: '退出', role: 'quit' }]);
    expect(labels(submenu(release, '编辑'))).toEqual(['撤销', '重做', '剪切', '复制', '粘贴', '全选']);
    expect(roles(submenu(release, '编辑'))).toEqual(['undo', 'redo', 'cut', 'copy', 'paste', 'selectAll']);
  });

  it('offers neither reload nor DevTools in a release build', () => {
    const view = submenu(release, '视图');
    expect(labels(view)).toEqual(['实际大小', '放大', '缩小', '全屏']);
    expect(roles(view)).not.toContain('reload');
    expect(roles(view)).not.toContain('forceReload');
    expect(roles(view)).not.toContain('toggleDevTools');
  });

  it('offers reload and DevTools in development', () => {
    const view = submenu(buildMenuTemplate({ dev: true, onAbout: () => {}, onCheckUpdates: () => {} }), '视图');
    expect(labels(view)).toEqual(['重新加载', '开发者工具', '实际大小', '放大', '缩小', '全屏']);
    expect(roles(view)).toEqual(['reload', 'toggleDevTools', 'resetZoom', 'zoomIn', 'zoomOut', 'togglefullscreen']);
  });

  it('offers 检查更新… and 关于 区块链监管工作台 under 帮助, each through its callback', () => {
    const onAbout = vi.fn();
    const onCheckUpdates = vi.fn();
    const help = submenu(buildMenuTemplate({ dev: false, onAbout, onCheckUpdates }), '帮助');
    expect(labels(help)).toEqual(['检查更新…', '关于 区块链监管工作台']);
    const [check, , about] = help;
    (check?.click as () => void)();
    expect(onCheckUpdates).toHaveBeenCalledOnce();
    expect(onAbout).not.toHaveBeenCalled();
    (about?.click as () => void)();
    expect(onAbout).toHaveBeenCalledOnce();
  });
});
