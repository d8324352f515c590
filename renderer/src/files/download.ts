import type { FileOutput } from '../../../electron/api/schemas/files.ts';
import type { CallOutput } from '../../../electron/api/contract.ts';
import { api } from '../api/client.ts';

/** base64 → bytes, in slices so a large workbook does not build one huge intermediate string per step. */
export function base64ToBytes(base64: string): Uint8Array<ArrayBuffer> {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/**
 * Saves a file the core made (xlsx exports, error reports, Word files) through the
 * host: the desktop app asks where in its save dialog, a browser downloads it.
 * Rejects (ApiError) when the file could not be written, so the page can say so.
 */
export function saveFile(file: FileOutput): Promise<CallOutput<'host.saveFile'>> {
  return api.call('host.saveFile', { fileName: file.fileName, source: { kind: 'content', mimeType: file.mimeType, contentBase64: file.contentBase64 } });
}
