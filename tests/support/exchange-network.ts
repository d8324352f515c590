import path from 'node:path';
import { expect } from 'vitest';
import type { CallOutput } from '../../electron/api/contract.ts';
import type { NodeRole } from '../../electron/api/schemas/node.ts';
import { exchangeNode, trustEachOther, type ExchangeNode } from './exchange.ts';

export interface NodeSpec {
  role: NodeRole;
  name: string;
  districtId?: string | null;
}

/** The city bureau, the hub every other node exchanges with. */
export const BUREAU: NodeSpec = { role: 'bureau', name: '张家港市市场监督管理局' };
/** The sub-bureau most tests work as. */
export const TANGQIAO: NodeSpec = { role: 'district', name: '塘桥分局', districtId: 'seed-district-03' };
/** A second sub-bureau, for what one office must not see of another's. */
export const JINFENG: NodeSpec = { role: 'district', name: '锦丰分局', districtId: 'seed-district-04' };
export const TRAINING_CENTRE: NodeSpec = { role: 'training', name: '张家港市特种设备技术服务中心' };

export type Sent = CallOutput<'bundles.export'> & {
  /** what the receiving node's import said about the bundle */
  imported: CallOutput<'bundles.import'>[number];
};

export type ExchangeNetwork<K extends string> = Record<K, ExchangeNode> & {
  /** exports `from`'s changes since its last bundle and imports them at `to`, failing the test unless imported */
  send(from: ExchangeNode, to: ExchangeNode): Promise<Sent>;
  cleanup(): void;
};

/**
 * Nodes on real SQLite files with real keys, each trusting the bureau's key and trusted
 * by it, as the clerks set them up by comparing fingerprints: the star the bundles
 * travel in (an office's bundle goes to the bureau, the bureau's to one office).
 */
export async function exchangeNetwork<K extends string>(specs: Record<K, NodeSpec>, options: { now?: () => Date } = {}): Promise<ExchangeNetwork<K>> {
  const nodes = {} as Record<K, ExchangeNode>;
  const roles = new Map<ExchangeNode, NodeRole>();
  for (const key of Object.keys(specs) as K[]) {
    const spec = specs[key];
    nodes[key] = await exchangeNode(spec.role, spec.name, spec.districtId ?? null, undefined, options.now);
    roles.set(nodes[key], spec.role);
  }
  const all = [...roles.keys()];
  const hub = all.find((node) => roles.get(node) === 'bureau');
  if (!hub) throw new Error('exchangeNetwork needs a bureau node: bundles travel through the bureau');
  for (const node of all) if (node !== hub) await trustEachOther(node, hub);

  let sequence = 0;
  async function send(from: ExchangeNode, to: ExchangeNode): Promise<Sent> {
    // the bureau writes one bundle per office; an office's bundles all go to the bureau
    const target = roles.get(from) === 'bureau' ? { targetNodeId: to.id } : {};
    const exported = await from.ok('bundles.export', { outFile: path.join(from.dir, `b${++sequence}.qklb`), ...target });
    const [imported] = await to.ok('bundles.import', { paths: [exported.file] });
    expect(imported!.status, imported!.message ?? '').toBe('imported');
    return { ...exported, imported: imported! };
  }
  return Object.assign(nodes, { send, cleanup: () => all.forEach((node) => node.cleanup()) });
}

/** A table's rows from one origin, in id order, as one string: what two nodes must hold alike after an exchange. */
export function rowsFrom(node: ExchangeNode, table: string, origin: string): string {
  return JSON.stringify(node.core.ctx.database.sqlite.prepare(`SELECT * FROM ${table} WHERE origin_node = ? ORDER BY id`).all(origin));
}
