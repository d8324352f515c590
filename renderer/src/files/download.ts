import type { FileOutput } from '../../../electron/api/schemas/files.ts';

/** base64 → bytes, in slices so a large workbook does not build one huge intermediate string per step. */
export function base64ToBytes(base64: string): Uint8Array<ArrayBuffer> {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/**
 * Saves a file the core made (xlsx exports, error reports). A Blob and an
 * <a download> work the same in Chromium and in Electron (which asks where to save);
 * no navigation happens, so the shell's navigation guard is not involved.
 */
export function saveFile(file: FileOutput): void {
  const blob = new Blob([base64ToBytes(file.contentBase64)], { type: file.mimeType });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = file.fileName;
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  // The download has taken its copy by the time the user could notice; free the memory later.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
