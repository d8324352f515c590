import { parseArgs } from 'node:util';
import { callOrFail, requireDb, withCore } from '../database-option.ts';
import { UsageError, type CliIo } from '../io.ts';

/** `qkl audit verify --db FILE [--json]`: exit 0 only when the chain and every anchor this node signed hold. */
export async function auditCommand(args: string[], io: CliIo): Promise<number> {
  const [action, ...rest] = args;
  if (action !== 'verify') throw new UsageError('用法：qkl audit verify --db 文件 [--json]');
  const { values } = parseArgs({ args: rest, options: { db: { type: 'string' }, json: { type: 'boolean' } } });
  const file = requireDb(values.db, true);
  return withCore(file, async (core) => {
    const result = await callOrFail(core, 'audit.verify', {});
    if (values.json) io.out(JSON.stringify(result));
    else {
      const head = result.head ? `最新第 ${result.head.seq} 条` : '尚无记录';
      const anchored = result.anchoredSeq === null ? '尚未随数据包或回执签名锚定' : `已签名锚定到第 ${result.anchoredSeq} 条`;
      io.out(`审计日志共 ${result.entries} 条，${head}，${anchored}。`);
      if (result.ok) io.out('核验通过：哈希链完整，并且仍能接上已签名的锚点。');
      else {
        io.out(`核验未通过，发现 ${result.problems.length} 处问题：`);
        // each message names its entry (第 N 条)
        for (const p of result.problems) io.out(`  ${p.message}`);
      }
    }
    return result.ok ? 0 : 1;
  });
}
