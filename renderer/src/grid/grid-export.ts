import type { CallInput } from '../../../electron/api/contract.ts';
import { api } from '../api/client.ts';
import { saveFile } from '../files/download.ts';

export type GridExportInput = CallInput<'grid.export'>;

/** "Export what is shown": the core writes the xlsx from the same query, the page saves it. Returns the file name. */
export async function exportGrid(input: GridExportInput): Promise<string> {
  const file = await api.call('grid.export', input);
  await saveFile(file);
  return file.fileName;
}
