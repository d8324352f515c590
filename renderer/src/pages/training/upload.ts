import { api } from '../../api/client.ts';
import { readAsBase64 } from '../../files/read-file.ts';

/** Hands a chosen file to the core (files.stage) and names it as the source of an import. */
export async function stageSource(file: File): Promise<{ kind: 'staged'; id: string }> {
  const staged = await api.call('files.stage', { name: file.name, contentBase64: await readAsBase64(file, () => undefined) });
  return { kind: 'staged', id: staged.id };
}
