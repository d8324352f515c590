import { readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { CallName, CallOutput } from '../../api/contract.ts';
import type { KeysStatus, TrustedKey } from '../../api/schemas/keys.ts';
import type { NodeRole } from '../../api/schemas/node.ts';
import type { OpenedCore } from '../../core/open-core.ts';
import { normalizeFingerprint } from '../../core/keys/trust-service.ts';
import { requireDb, withCore } from '../database-option.ts';
import { CommandError, UsageError, type CliIo } from '../io.ts';

// `qkl keys …`: this node's keys and the other nodes it trusts. Private keys are
// sealed with the passphrase in QKL_PASSPHRASE (the CLI has no safeStorage).

const roleNames: Record<NodeRole, string> = { district: '分局', training: '培训中心', bureau: '市局' };
const MAX_PUB_BYTES = 64 * 1024;

export const lostPassphraseWarning = '注意：私钥由口令（QKL_PASSPHRASE）保护。口令丢失后无法找回，也无法再签名或打开数据包，请把口令妥善保管（例如写下后锁进保险柜）。';

const keysUsage = `用法：qkl keys <子命令> --db 文件 …
  status  --db 文件 [--json]                                     本节点的密钥与指纹
  create  --db 文件 [--json]                                     创建本节点密钥（口令取自环境变量 QKL_PASSPHRASE）
  export  --db 文件 --out 文件.pub [--json]                      导出本节点公钥文件，交给对方
  trust   --db 文件 对方.pub [--fingerprint "指纹"] [--json]       信任对方公钥（分局信任市局；市局登记分局）
  list    --db 文件 [--json]                                     已信任的公钥
  revoke  --db 文件 密钥编号 --reason 原因                         吊销一个已信任的公钥
  rotate  --db 文件 [--revoke-reason 原因] [--json]              更换本节点密钥（旧密钥保留用于打开旧数据包；市局可同时吊销旧密钥）
  passphrase --db 文件 [--json]                                  更换口令（原口令取自 QKL_PASSPHRASE，新口令取自 QKL_NEW_PASSPHRASE）`;

/** Contract calls, with the passphrase errors said the CLI's way (the environment variable). */
async function keysCall<K extends CallName>(core: OpenedCore, name: K, input: unknown): Promise<CallOutput<K>> {
  const result = await core.call(name, input);
  if (result.ok) return result.value;
  if (result.code === 'PASSPHRASE_REQUIRED') {
    throw new CommandError('需要口令：请设置环境变量 QKL_PASSPHRASE（至少 8 个字符），例如 QKL_PASSPHRASE=口令 qkl keys … 。口令丢失后无法找回。');
  }
  if (result.code === 'WRONG_PASSPHRASE') throw new CommandError('环境变量 QKL_PASSPHRASE 中的口令不正确，无法解开本节点的私钥。');
  if (result.code === 'VALIDATION' && result.details?.field === 'passphrase') throw new CommandError(`QKL_PASSPHRASE：${result.message}`);
  if (result.code === 'VALIDATION' && result.details?.field === 'newPassphrase') throw new CommandError(`QKL_NEW_PASSPHRASE：${result.message}`);
  throw new CommandError(result.message);
}

function printStatus(io: CliIo, status: KeysStatus, json: boolean | undefined): void {
  if (json) {
    io.out(JSON.stringify(status));
    return;
  }
  if (!status.signing) {
    io.out('本节点尚未创建密钥。创建：QKL_PASSPHRASE=口令 qkl keys create --db 文件');
    return;
  }
  io.out(`本节点指纹：${status.signing.fingerprint}`);
  io.out(`签名密钥编号：${status.signing.keyId}（${status.signing.createdAt.slice(0, 10)} 创建，${status.protection === 'safeStorage' ? '由系统密钥保管功能保护' : '由口令保护'}）`);
  for (const r of status.recipients) io.out(`${r.purpose === 'age' ? '加密公钥' : '备用加密公钥'}：${r.recipient}`);
}

function trustedLine(k: TrustedKey): string {
  const state = k.revokedAt ? `已吊销（${k.revokedAt.slice(0, 10)}，${k.revokedReason ?? ''}）` : '有效';
  return `${k.keyId}  ${roleNames[k.role]}“${k.nodeName}”  指纹 ${k.fingerprint}  ${k.trustedAt.slice(0, 10)} 信任  ${state}`;
}

function readPub(file: string): string {
  const full = path.resolve(file);
  let size: number;
  try {
    size = statSync(full).size;
  } catch {
    throw new CommandError(`找不到公钥文件：${full}`);
  }
  if (size > MAX_PUB_BYTES) throw new CommandError(`文件过大（${size} 字节），不是公钥文件（.pub）：${full}`);
  return readFileSync(full, 'utf8');
}

const subcommands: Record<string, (args: string[], io: CliIo) => Promise<number>> = {
  async status(args, io) {
    const { values } = parseArgs({ args, options: { db: { type: 'string' }, json: { type: 'boolean' } } });
    return withCore(requireDb(values.db, true), async (core) => {
      printStatus(io, await keysCall(core, 'keys.status', {}), values.json);
      return 0;
    });
  },

  async create(args, io) {
    const { values } = parseArgs({ args, options: { db: { type: 'string' }, json: { type: 'boolean' } } });
    return withCore(requireDb(values.db, true), async (core) => {
      const status = await keysCall(core, 'keys.create', {});
      if (!values.json) io.out('已创建本节点密钥。');
      printStatus(io, status, values.json);
      if (status.protection === 'passphrase') io.err(lostPassphraseWarning);
      return 0;
    });
  },

  async export(args, io) {
    const { values } = parseArgs({ args, options: { db: { type: 'string' }, out: { type: 'string' }, json: { type: 'boolean' } } });
    if (!values.out) throw new UsageError('缺少 --out 参数：请指定公钥文件，例如 --out 塘桥分局.pub');
    const out = path.resolve(values.out);
    return withCore(requireDb(values.db, true), async (core) => {
      const file = await keysCall(core, 'keys.exportPublic', {});
      const status = await keysCall(core, 'keys.status', {});
      const node = (await keysCall(core, 'node.get', {}))!;
      try {
        writeFileSync(out, Buffer.from(file.contentBase64, 'base64'));
      } catch (error) {
        throw new CommandError(`无法写入文件 ${out}：${(error as NodeJS.ErrnoException).code ?? (error as Error).message}。请检查文件夹是否存在。`);
      }
      const fingerprint = status.signing!.fingerprint;
      if (values.json) {
        io.out(JSON.stringify({ file: out, nodeId: node.id, nodeName: node.name, role: node.role, keyId: status.signing!.keyId, fingerprint }));
      } else {
        io.out(`已导出“${node.name}”的公钥 → ${out}`);
        io.out(`指纹：${fingerprint}`);
        io.out('把文件交给对方后，请电话与对方逐组核对这串数字。');
      }
      return 0;
    });
  },

  async trust(args, io) {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: { db: { type: 'string' }, fingerprint: { type: 'string' }, json: { type: 'boolean' } },
    });
    if (positionals.length !== 1) throw new UsageError('请给出一个对方的公钥文件，例如 qkl keys trust --db 塘桥.sqlite 市局.pub');
    let checked: string | undefined;
    if (values.fingerprint !== undefined) {
      checked = normalizeFingerprint(values.fingerprint);
      if (!/^\d{5}( \d{5}){7}$/.test(checked)) throw new UsageError('--fingerprint 应为 40 位数字（可按 5 位一组用空格分开）');
    }
    const content = readPub(positionals[0]!);
    return withCore(requireDb(values.db, true), async (core) => {
      const info = await keysCall(core, 'keys.inspect', { content });
      // Without --fingerprint the user has read the file's own fingerprint aloud already.
      const trusted = await keysCall(core, 'keys.trust', { content, fingerprint: checked ?? info.fingerprint });
      if (values.json) {
        io.out(JSON.stringify({ nodeId: trusted.nodeId, nodeName: trusted.nodeName, role: trusted.role, keyId: trusted.keyId, fingerprint: trusted.fingerprint, action: info.action }));
      } else {
        const what = info.action === 'trust-bureau' ? '已信任市局' : `已登记${roleNames[trusted.role]}`;
        io.out(info.alreadyTrusted ? `此公钥已信任过，未作更改：${roleNames[trusted.role]}“${trusted.nodeName}”` : `${what}“${trusted.nodeName}”的公钥（节点编号 ${trusted.nodeId}）。`);
        io.out(`指纹：${trusted.fingerprint}`);
        if (!checked) io.out('请确认已与对方电话逐组核对过这串数字；如不一致，请立即用 qkl keys revoke 吊销。');
      }
      return 0;
    });
  },

  async list(args, io) {
    const { values } = parseArgs({ args, options: { db: { type: 'string' }, json: { type: 'boolean' } } });
    return withCore(requireDb(values.db, true), async (core) => {
      const keys = await keysCall(core, 'keys.trusted', {});
      if (values.json) io.out(JSON.stringify(keys));
      else if (keys.length === 0) io.out('尚未信任任何公钥。');
      else for (const k of keys) io.out(trustedLine(k));
      return 0;
    });
  },

  async revoke(args, io) {
    const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { db: { type: 'string' }, reason: { type: 'string' }, json: { type: 'boolean' } } });
    if (positionals.length !== 1) throw new UsageError('请给出要吊销的密钥编号（见 qkl keys list），例如 qkl keys revoke --db 文件 编号 --reason 原因');
    if (!values.reason?.trim()) throw new UsageError('缺少 --reason 参数：请写明吊销原因，例如 --reason 电脑丢失');
    return withCore(requireDb(values.db, true), async (core) => {
      const revoked = await keysCall(core, 'keys.revoke', { keyId: positionals[0], reason: values.reason });
      if (values.json) io.out(JSON.stringify(revoked));
      else io.out(`已吊销${roleNames[revoked.role]}“${revoked.nodeName}”的公钥 ${revoked.keyId}（原因：${revoked.revokedReason}）。此后用它签名的数据包将被拒绝。`);
      return 0;
    });
  },

  async rotate(args, io) {
    const { values } = parseArgs({ args, options: { db: { type: 'string' }, 'revoke-reason': { type: 'string' }, json: { type: 'boolean' } } });
    const revokeReason = values['revoke-reason'];
    if (revokeReason !== undefined && !revokeReason.trim()) throw new UsageError('--revoke-reason 不能为空：请写明吊销原因，例如 --revoke-reason 旧电脑丢失');
    return withCore(requireDb(values.db, true), async (core) => {
      const status = await keysCall(core, 'keys.rotate', revokeReason === undefined ? {} : { revokeReason });
      const node = (await keysCall(core, 'node.get', {}))!;
      if (!values.json) io.out('已更换本节点密钥；旧密钥已停用，仅用于打开旧数据包。');
      printStatus(io, status, values.json);
      if (node.role === 'bureau') {
        io.err(`提示：新密钥随市局下一批数据包通知各分局，分局导入后自动改用新密钥${revokeReason === undefined ? '' : '，并吊销旧密钥'}；新分局登记时请导出新的公钥文件。`);
        io.err('提示：备用密钥也已更换，请重新打印恢复单（界面：密钥与信任）。');
      } else {
        io.err('提示：请用 qkl keys export 导出新的公钥文件交给对方，并电话核对新指纹。');
      }
      return 0;
    });
  },

  async passphrase(args, io) {
    const { values } = parseArgs({ args, options: { db: { type: 'string' }, json: { type: 'boolean' } } });
    const newPassphrase = process.env['QKL_NEW_PASSPHRASE'];
    if (!newPassphrase) throw new UsageError('缺少新口令：请在环境变量 QKL_NEW_PASSPHRASE 中给出新口令（原口令在 QKL_PASSPHRASE 中），例如 QKL_PASSPHRASE=原口令 QKL_NEW_PASSPHRASE=新口令 qkl keys passphrase --db 文件');
    return withCore(requireDb(values.db, true), async (core) => {
      const changed = await keysCall(core, 'keys.changePassphrase', { newPassphrase });
      if (values.json) io.out(JSON.stringify(changed));
      else io.out(`已更换口令：${changed.resealed} 把私钥（含已停用的旧密钥）已改用新口令保护，原口令从此无效。`);
      io.err('注意：今后请用新口令（QKL_PASSPHRASE=新口令）。口令丢失后无法找回，请把新口令妥善保管。');
      return 0;
    });
  },
};

export async function keysCommand(args: string[], io: CliIo): Promise<number> {
  const [name, ...rest] = args;
  if (!name || name === 'help' || name === '--help' || name === '-h') {
    io.out(keysUsage);
    return name ? 0 : 2;
  }
  const sub = subcommands[name];
  if (!sub) throw new UsageError(`未知的 keys 子命令“${name}”。可用：${Object.keys(subcommands).join('、')}`);
  return sub(rest, io);
}
