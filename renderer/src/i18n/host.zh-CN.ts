// The window's own words: the data service's state, pickers, saving, PDF, opened files.
export const hostZh = {
  core: {
    stopped: '后台数据服务意外停止，刚才的操作可能没有完成（未完成的写入已由数据库撤销）。',
    restart: '重新启动数据服务',
    restarting: '正在重新启动…',
    restarted: '数据服务已重新启动，正在重新载入页面…',
    restartFailed: '重新启动失败：{{message}}',
  },
  files: {
    dropHint: '松开鼠标即可打开数据包',
    dropNotBundle: '只能拖入数据包（.qklb 文件）。其他文件请在相应页面用“选择文件”上传。',
    dropFailed: '无法打开拖入的数据包：{{message}}',
  },
  save: {
    saveAs: '另存为…',
    download: '下载',
    saving: '正在保存…',
    savedTo: '已保存到 {{location}}',
    downloaded: '已开始下载，请在浏览器的下载列表中查看',
    failed: '保存失败：{{message}}',
  },
  pdf: {
    save: '另存为 PDF',
    saving: '正在生成 PDF…',
    savedTo: 'PDF 已保存到 {{location}}',
    browserHint: '浏览器模式：在打印对话框的“目标打印机”中选择“另存为 PDF”。',
    failed: '生成 PDF 失败：{{message}}',
    plaqueName: '示范单位牌匾证书',
  },
};
