import { openCore, type OpenedCore } from '../../electron/core/open-core.ts';
import type { CallName, CallOutput } from '../../electron/api/contract.ts';
import { tempDir } from './temp.ts';

export interface TestCore {
  core: OpenedCore;
  file: string;
  dir: string;
  /** calls and unwraps; fails the test with the core's message if refused */
  ok<K extends CallName>(name: K, input: unknown): Promise<CallOutput<K>>;
  cleanup(): void;
}

/** A real core on a real SQLite file in a temp folder, initialised as the 塘桥 district node. */
export async function districtCore(options: { init?: boolean; now?: () => Date } = {}): Promise<TestCore> {
  const temp = tempDir();
  const file = temp.file('qkl.sqlite');
  const core = openCore({ file, host: 'test', actor: 'tester', now: options.now });
  const ok = async <K extends CallName>(name: K, input: unknown) => {
    const result = await core.call(name, input);
    if (!result.ok) throw new Error(`${name} refused: ${result.code} ${result.message}`);
    return result.value;
  };
  if (options.init !== false) await ok('node.init', { role: 'district', name: '塘桥分局', districtId: 'seed-district-03' });
  return { core, file, dir: temp.dir, ok, cleanup: () => { core.close(); temp.cleanup(); } };
}
