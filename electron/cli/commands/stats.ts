import { parseArgs } from 'node:util';
import { callOrFail, requireDb, withCore } from '../database-option.ts';
import type { CliIo } from '../io.ts';

const labels = { units: '使用单位', equipment: '特种设备', managers: '安全管理员', districts: '分局' } as const;

export async function statsCommand(args: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({ args, options: { db: { type: 'string' }, json: { type: 'boolean' } } });
  const file = requireDb(values.db, true);
  return withCore(file, async (core) => {
    const stats = await callOrFail(core, 'stats.get', {});
    if (values.json) io.out(JSON.stringify(stats));
    else for (const key of Object.keys(labels) as (keyof typeof labels)[]) io.out(`${labels[key]}\t${stats[key]}`);
    return 0;
  });
}
