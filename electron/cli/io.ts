export interface CliIo {
  out(text: string): void;
  err(text: string): void;
}

export const processIo: CliIo = {
  out: (text) => process.stdout.write(text.endsWith('\n') ? text : `${text}\n`),
  err: (text) => process.stderr.write(text.endsWith('\n') ? text : `${text}\n`),
};

/** A usage mistake: exit code 2, one Chinese line on stderr. */
export class UsageError extends Error {}

/** A refused operation: exit code 1, one Chinese line on stderr. */
export class CommandError extends Error {}
