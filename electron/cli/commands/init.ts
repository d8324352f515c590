import { parseArgs } from 'node:util';
import type { NodeRole } from '../../api/schemas/node.ts';
import type { District } from '../../api/schemas/district.ts';
import { NodeRole as NodeRoleSchema } from '../../api/schemas/node.ts';
import { callOrFail, requireDb, withCore } from '../database-option.ts';
import { CommandError, UsageError, type CliIo } from '../io.ts';
import { cliOperator } from '../operator.ts';
import { lostPassphraseWarning } from './keys.ts';

const roleNames: Record<NodeRole, string> = { district: '分局', training: '培训中心', bureau: '市局' };

/** --district given as a name or id; otherwise a district whose name the node's name contains ("塘桥分局" → 塘桥). */
function pickDistrict(list: District[], given: string | undefined, nodeName: string): District | undefined {
  if (given) {
    const found = list.find((d) => d.id === given || d.name === given || `${d.name}分局` === given);
    if (!found) throw new UsageError(`找不到分局“${given}”。可选：${list.map((d) => d.name).join('、')}`);
    return found;
  }
  return [...list].sort((a, b) => b.name.length - a.name.length).find((d) => nodeName.includes(d.name));
}

export async function initCommand(args: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({
    args,
    options: { db: { type: 'string' }, role: { type: 'string' }, name: { type: 'string' }, district: { type: 'string' }, title: { type: 'string' }, json: { type: 'boolean' } },
  });
  const file = requireDb(values.db, false);
  const role = NodeRoleSchema.safeParse(values.role);
  if (!role.success) throw new UsageError('--role 应为 district（分局）、training（培训中心）或 bureau（市局）之一');
  if (!values.name?.trim()) throw new UsageError('缺少 --name 参数：请填写本节点名称，例如 --name 塘桥分局');

  return withCore(file, async (core) => {
    const list = await callOrFail(core, 'districts.list', {});
    const district = role.data === 'district' ? pickDistrict(list, values.district, values.name!) : undefined;
    // with QKL_PASSPHRASE set (withCore passes it on), node.init makes the keys too
    // a named operator (--operator / QKL_OPERATOR) is the person setting up: the first of the staff list
    const person = cliOperator() ? { operatorName: cliOperator(), operatorTitle: values.title?.trim() || '经办人' } : {};
    const init = await core.call('node.init', { role: role.data, name: values.name, districtId: district?.id ?? null, ...person });
    if (!init.ok) {
      if (init.details?.field === 'passphrase') throw new CommandError(`QKL_PASSPHRASE：${init.message}`);
      throw new CommandError(init.message);
    }
    const identity = init.value;
    const keys = await callOrFail(core, 'keys.status', {});
    const fingerprint = keys.signing?.fingerprint ?? null;
    if (values.json) {
      io.out(JSON.stringify({ ...identity, databaseFile: file, fingerprint }));
    } else {
      io.out(`已创建${roleNames[identity.role]}节点“${identity.name}”（${identity.id}）：${file}`);
      if (fingerprint) io.out(`本节点指纹：${fingerprint}`);
      if (role.data === 'district' && !district) io.err('提示：未指定所管辖分局（--district），本节点可登记任何分局的使用单位。');
    }
    if (keys.hasKeys) io.err(lostPassphraseWarning);
    else io.err(`提示：未设置环境变量 QKL_PASSPHRASE，本节点尚未创建密钥；交换数据包前请运行 QKL_PASSPHRASE=口令 qkl keys create --db ${file}`);
    return 0;
  });
}
