import { anyNode, call } from '../call-spec.ts';
import { Empty } from '../schemas/common.ts';
import {
  HostStatus,
  OpenedFiles,
  PickFileInput,
  PickFileResult,
  PickFolderInput,
  PickFolderResult,
  PrintToPdfInput,
  PrintToPdfResult,
  SaveFileInput,
  SaveFileResult,
} from '../schemas/host.ts';

/** Answered by the host (Electron main, browser host), never by the core: the window's own capabilities. */
export const hostCalls = {
  'host.status': call(Empty, HostStatus, '程序窗口与数据服务的状态', anyNode),
  'host.restartCore': call(Empty, HostStatus, '重新启动数据服务（意外停止之后）', anyNode),
  'host.pickFile': call(PickFileInput, PickFileResult, '选择文件（系统对话框）', anyNode),
  'host.pickFolder': call(PickFolderInput, PickFolderResult, '选择文件夹（系统对话框）', anyNode),
  'host.saveFile': call(SaveFileInput, SaveFileResult, '另存文件（系统对话框或浏览器下载）', anyNode),
  'host.printToPdf': call(PrintToPdfInput, PrintToPdfResult, '当前打印页另存为 PDF', anyNode),
  'host.openedFiles': call(Empty, OpenedFiles, '用本程序打开的数据包（双击、拖入）', anyNode),
} as const;

