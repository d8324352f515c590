// The main process's user-facing words, in one place so they are not scattered
// inline (the renderer keeps its own in its i18n files). Simplified Chinese only:
// menus and dialogs of the shell are not switched at run time.
export const productName = '区块链监管工作台';

export const text = {
  menu: {
    file: '文件',
    quit: '退出',
    edit: '编辑',
    undo: '撤销',
    redo: '重做',
    cut: '剪切',
    copy: '复制',
    paste: '粘贴',
    selectAll: '全选',
    view: '视图',
    reload: '重新加载',
    devTools: '开发者工具',
    resetZoom: '实际大小',
    zoomIn: '放大',
    zoomOut: '缩小',
    fullScreen: '全屏',
    window: '窗口',
    minimize: '最小化',
    close: '关闭',
    help: '帮助',
    about: `关于 ${productName}`,
  },
  about: {
    title: `关于 ${productName}`,
    detail: (version: string) => `版本 ${version}\n特种设备“区、块、链”监管工作台`,
    ok: '确定',
  },
  ipc: {
    unauthorized: '请求来源不受信任，操作已拒绝。请关闭其他窗口后重试；如仍出现，请联系技术支持。',
    internal: '程序内部错误，操作未完成。请重试；如仍出错，请联系技术支持。',
  },
  startup: {
    title: `${productName}无法启动`,
    // SQLite's own errors (e.g. "file is not a database") come before our health check
    corrupt: '数据库文件已损坏或不是本程序的数据库，程序将退出。数据库未被修改，请联系技术支持从备份恢复。',
    unknown: '打开数据库时出错，程序将退出。请重试；如仍出错，请联系技术支持。',
  },
} as const;
