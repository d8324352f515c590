import { z } from 'zod';
import type { Result } from './errors.ts';
import { AppInfo, Stats } from './schemas/app.ts';
import { Empty } from './schemas/common.ts';
import { District, DistrictListInput, DistrictSaveInput } from './schemas/district.ts';
import { NodeIdentity, NodeInitInput } from './schemas/node.ts';
import { Unit, UnitDeleteInput, UnitDeleteOutput, UnitInput, UnitPage, UnitQueryInput, UnitUpdateInput } from './schemas/unit.ts';

interface CallSpec<I extends z.ZodType, O extends z.ZodType> {
  input: I;
  output: O;
  /** one line for the CLI's `qkl calls` and for reviewers */
  summary: string;
}

const call = <I extends z.ZodType, O extends z.ZodType>(input: I, output: O, summary: string): CallSpec<I, O> => ({
  input,
  output,
  summary,
});

/**
 * The only list of calls. The IPC binding, the preload, the renderer client, the
 * CLI and the browser host are all derived from it; the core's handler table must
 * satisfy it, so a call without a handler fails the type check.
 */
export const contract = {
  'app.info': call(Empty, AppInfo, '程序与数据库信息'),
  'node.get': call(Empty, NodeIdentity.nullable(), '本节点身份（未初始化时为空）'),
  'node.init': call(NodeInitInput, NodeIdentity, '初始化本节点身份'),
  'districts.list': call(DistrictListInput, z.array(District), '分局列表'),
  'districts.save': call(DistrictSaveInput, District, '新增或修改分局'),
  'units.query': call(UnitQueryInput, UnitPage, '分页查询使用单位'),
  'units.get': call(z.object({ id: z.string() }), Unit, '读取一个使用单位'),
  'units.create': call(UnitInput, Unit, '新增使用单位'),
  'units.update': call(UnitUpdateInput, Unit, '修改使用单位'),
  'units.delete': call(UnitDeleteInput, UnitDeleteOutput, '删除使用单位（逻辑删除，连同其设备和安全管理员）'),
  'stats.get': call(Empty, Stats, '各类数据的现有行数'),
} as const;

export type Contract = typeof contract;
export type CallName = keyof Contract;
export type CallInput<K extends CallName> = z.input<Contract[K]['input']>;
export type ParsedInput<K extends CallName> = z.output<Contract[K]['input']>;
export type CallOutput<K extends CallName> = z.output<Contract[K]['output']>;

export const callNames = Object.keys(contract) as CallName[];

export function isCallName(name: string): name is CallName {
  return Object.prototype.hasOwnProperty.call(contract, name);
}

/** The shape of window.qkl: one function per call, each resolving to a result envelope. */
export type QklBridge = {
  [K in CallName]: (input: CallInput<K>) => Promise<Result<CallOutput<K>>>;
};

export const IPC_PREFIX = 'qkl:';
