import { UsageError } from './io.ts';

// The 经办人 of a command: --operator NAME (any command), else QKL_OPERATOR, else the
// core records "命令行（<OS account>）". A command is one person's one act, so the name
// is taken as given and not looked up in the desk's staff list.

let given: string | undefined;

/** Takes --operator NAME / --operator=NAME out of the arguments (it may stand anywhere) and remembers it for this run. */
export function takeOperatorOption(args: string[]): string[] {
  given = undefined;
  const rest: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--operator') {
      given = checked(args[++i]);
    } else if (arg.startsWith('--operator=')) {
      given = checked(arg.slice('--operator='.length));
    } else {
      rest.push(arg);
    }
  }
  return rest;
}

function checked(name: string | undefined): string {
  const value = name?.trim() ?? '';
  if (!value || value.startsWith('--')) throw new UsageError('--operator 后应写经办人姓名，例如 --operator 王敏');
  if (value.length > 30) throw new UsageError('--operator 经办人姓名不能超过 30 个字符');
  return value;
}

/** The name this run records, or undefined for the core's "命令行（<OS account>）". */
export function cliOperator(env: NodeJS.ProcessEnv = process.env): string | undefined {
  if (given) return given;
  const fromEnv = env['QKL_OPERATOR']?.trim();
  return fromEnv ? checked(fromEnv) : undefined;
}
