import { parseArgs } from 'node:util';
import { contract, callNames, isCallName, isHostCallName } from '../../api/contract.ts';
import { requireDb, withCore } from '../database-option.ts';
import { CommandError, UsageError, type CliIo } from '../io.ts';

/** The calls the core answers: the window's own (host.*, dialogs and printing) have no meaning here. */
const coreCallNames = callNames.filter((name) => !isHostCallName(name));

/** `qkl calls`: every call of the contract the core answers, for scripting with `qkl call`. */
export async function callsCommand(_args: string[], io: CliIo): Promise<number> {
  for (const name of coreCallNames) io.out(`${name}\t${contract[name].summary}`);
  return 0;
}

/** `qkl call NAME --db FILE [--input JSON]`: any contract call, printing its JSON result. */
export async function callCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { db: { type: 'string' }, input: { type: 'string' }, json: { type: 'boolean' } },
  });
  const name = positionals[0];
  if (!name || !isCallName(name) || isHostCallName(name)) throw new UsageError(`请指定操作名称，可用：${coreCallNames.join(' ')}`);
  let input: unknown = {};
  if (values.input) {
    try {
      input = JSON.parse(values.input);
    } catch {
      throw new UsageError('--input 不是有效的 JSON');
    }
  }
  const file = requireDb(values.db, true);
  return withCore(file, async (core) => {
    const result = await core.call(name, input);
    if (!result.ok) throw new CommandError(result.message);
    io.out(JSON.stringify(result.value));
    return 0;
  });
}
