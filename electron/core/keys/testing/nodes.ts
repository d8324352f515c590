import type { CallName, CallOutput } from '../../../api/contract.ts';
import type { NodeRole } from '../../../api/schemas/node.ts';
import type { KeyAccess, SafeStorageLike } from '../../context.ts';
import { openCore, type OpenedCore } from '../../open-core.ts';
import { tempDir } from '../../../../tests/support/temp.ts';

export const PASS = 'correct horse battery staple';
/** cheap sealing for test keys; the real cost (2^17) is covered by the crypto tests and the CLI tests */
const TEST_SCRYPT_N = 2 ** 12;

export interface KeysNode {
  core: OpenedCore;
  file: string;
  id: string;
  ok<K extends CallName>(name: K, input: unknown): Promise<CallOutput<K>>;
  /** the refusal, failing the test if the call succeeded */
  refused(name: CallName, input: unknown): Promise<{ code: string; message: string; details?: unknown }>;
  /** a second core on the same file, as another host (the CLI, the browser host) would open it */
  reopen(keyAccess: KeyAccess): KeysNode;
  auditText(): string;
  cleanup(): void;
}

/** A stand-in for Electron's safeStorage: reversible, tagged, and switchable off. */
export function fakeSafeStorage(available = true): SafeStorageLike & { available: boolean } {
  return {
    available,
    isEncryptionAvailable() {
      return this.available;
    },
    encryptString: (plain) => Buffer.from(`ss:${Buffer.from(plain).toString('hex')}`),
    decryptString: (sealed) => {
      const text = sealed.toString();
      if (!text.startsWith('ss:')) throw new Error('not ours');
      return Buffer.from(text.slice(3), 'hex').toString();
    },
  };
}

function wrap(core: OpenedCore, file: string, id: string, cleanupTemp: () => void): KeysNode {
  const node: KeysNode = {
    core,
    file,
    id,
    async ok(name, input) {
      const result = await core.call(name, input);
      if (!result.ok) throw new Error(`${name} refused: ${result.code} ${result.message}`);
      return result.value;
    },
    async refused(name, input) {
      const result = await core.call(name, input);
      if (result.ok) throw new Error(`${name} was expected to be refused`);
      return { code: result.code, message: result.message, details: result.details };
    },
    reopen(keyAccess) {
      const other = openCore({ file, host: 'test', actor: 'tester', keyAccess: { scryptN: TEST_SCRYPT_N, ...keyAccess } });
      return wrap(other, file, id, () => {});
    },
    auditText() {
      return JSON.stringify(core.ctx.database.sqlite.prepare('SELECT * FROM audit_log ORDER BY seq').all());
    },
    cleanup() {
      core.close();
      cleanupTemp();
    },
  };
  return node;
}

/** A real core on a real SQLite file; node.init with the given passphrase (none: the node starts without keys unless safeStorage is given). */
export async function keysNode(
  role: NodeRole,
  options: { name?: string; passphrase?: string; keyAccess?: KeyAccess; now?: () => Date } = {},
): Promise<KeysNode> {
  const temp = tempDir('qkl-keys-');
  const file = temp.file('qkl.sqlite');
  const core = openCore({ file, host: 'test', actor: 'tester', keyAccess: { safeStorage: null, scryptN: TEST_SCRYPT_N, ...options.keyAccess }, now: options.now });
  const name = options.name ?? (role === 'bureau' ? '张家港市市场监督管理局' : role === 'training' ? '技术服务中心' : '塘桥分局');
  const result = await core.call('node.init', {
    role,
    name,
    districtId: role === 'district' ? 'seed-district-03' : null,
    ...(options.passphrase ? { passphrase: options.passphrase } : {}),
  });
  if (!result.ok) {
    core.close();
    temp.cleanup();
    throw new Error(`node.init refused: ${result.code} ${result.message}`);
  }
  return wrap(core, file, result.value.id, temp.cleanup);
}

/** The .pub text a node exports. */
export async function pubOf(node: KeysNode): Promise<string> {
  const file = await node.ok('keys.exportPublic', {});
  return Buffer.from(file.contentBase64, 'base64').toString('utf8');
}
