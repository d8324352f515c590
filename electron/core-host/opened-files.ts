import { stat } from 'node:fs/promises';
import path from 'node:path';
import type { PickedFile } from '../api/schemas/host.ts';

// .qklb files the user opened with the program: a double-click (the file in argv),
// a double-click while it runs (the second instance's argv), or `--open` of the
// browser host. They wait here, as references, until the window takes them
// (host.openedFiles) and opens 数据包交换 with their import preview.

const BUNDLE = /\.qklb$/i;

/**
 * The bundle files among command-line arguments: what Windows and Linux pass on a
 * double-click (the path, quoted or not), relative paths taken from the launching
 * folder. Options (-x, --x) and anything else are left alone.
 */
export function bundleFilesInArgv(argv: readonly string[], cwd: string): string[] {
  const files: string[] = [];
  for (const raw of argv) {
    const arg = raw.trim().replace(/^"(.*)"$/, '$1');
    if (arg.startsWith('-') || !BUNDLE.test(arg)) continue;
    const full = path.resolve(cwd, arg);
    if (!files.includes(full)) files.push(full);
  }
  return files;
}

export class OpenedFiles {
  private waiting: PickedFile[] = [];

  constructor(
    /** makes the path usable by the core: the reference the page will pass back */
    private readonly grant: (file: string) => Promise<string>,
    /** tells the window there is something to take */
    private readonly onAdded: () => void,
    private readonly log: (message: string) => void = () => {},
  ) {}

  /** Adds the files that exist; returns how many were added. */
  async add(files: readonly string[]): Promise<number> {
    let added = 0;
    for (const file of files) {
      try {
        const info = await stat(file);
        if (!info.isFile()) continue;
        const ref = await this.grant(file);
        this.waiting.push({ ref, name: path.basename(file), size: info.size });
        added++;
      } catch (error) {
        // a file moved away since the double-click, or a core that is down: nothing to open
        this.log(`opened file skipped: ${file}: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
    if (added > 0) this.onAdded();
    return added;
  }

  /** What waits, once: a second window load does not open the same files again. */
  take(): PickedFile[] {
    const taken = this.waiting;
    this.waiting = [];
    return taken;
  }
}
