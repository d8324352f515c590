import { createHash } from 'node:crypto';

// Drawing a paper from a bank, reproducibly: the same bank, weights and seed always
// give the same paper, so a paper can be re-made for a review or a dispute. Variant
// B holds the same questions as A in another order (the usual A/B 卷 against
// copying); each variant's list says which bank question sits at each position.

export interface BankQuestion {
  no: number;
  module: string | null;
  points: number;
}

export type PaperSpec =
  | { mode: 'bank' }
  | { mode: 'fixed'; questionNos: number[] }
  | { mode: 'random'; count: number; weights: Record<string, number> };

export interface DrawnPaper {
  /** bank 题号 per position (position = index + 1), per variant */
  variants: Record<string, number[]>;
}

export type DrawResult = { ok: true; paper: DrawnPaper } | { ok: false; message: string };

/** mulberry32 seeded from sha256(seed): small, fast, and the same on every machine. */
export function seededRandom(seed: string): () => number {
  let a = createHash('sha256').update(seed).digest().readUInt32LE(0);
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function shuffled<T>(list: readonly T[], random: () => number): T[] {
  const out = [...list];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/** Quotas per module that add up to count: largest remainders of count × weight / Σ weights. */
export function moduleQuotas(count: number, weights: Record<string, number>): Map<string, number> {
  const entries = Object.entries(weights).filter(([, w]) => w > 0);
  const total = entries.reduce((n, [, w]) => n + w, 0);
  const exact = entries.map(([m, w]) => ({ m, exact: (count * w) / total }));
  const quotas = new Map(exact.map((e) => [e.m, Math.floor(e.exact)]));
  let left = count - [...quotas.values()].reduce((n, q) => n + q, 0);
  for (const e of [...exact].sort((a, b) => b.exact - Math.floor(b.exact) - (a.exact - Math.floor(a.exact)) || a.m.localeCompare(b.m))) {
    if (left-- <= 0) break;
    quotas.set(e.m, quotas.get(e.m)! + 1);
  }
  return quotas;
}

function pick(spec: PaperSpec, bank: readonly BankQuestion[], random: () => number): number[] | string {
  const nos = new Set(bank.map((q) => q.no));
  if (spec.mode === 'bank') return bank.map((q) => q.no).sort((a, b) => a - b);
  if (spec.mode === 'fixed') {
    const missing = spec.questionNos.filter((n) => !nos.has(n));
    if (missing.length) return `题库中没有第 ${missing.join('、')} 题`;
    if (new Set(spec.questionNos).size !== spec.questionNos.length) return '固定试卷中有重复的题号';
    return [...spec.questionNos];
  }
  if (spec.count > bank.length) return `题库只有 ${bank.length} 道题，不能抽取 ${spec.count} 道`;
  const chosen: number[] = [];
  for (const [module, quota] of moduleQuotas(spec.count, spec.weights)) {
    const pool = bank.filter((q) => (q.module ?? '') === module).map((q) => q.no).sort((a, b) => a - b);
    if (pool.length < quota) return `知识模块“${module || '未分类'}”只有 ${pool.length} 道题，按权重需要 ${quota} 道`;
    chosen.push(...shuffled(pool, random).slice(0, quota));
  }
  return chosen.sort((a, b) => a - b);
}

/** Draws the paper; variant A keeps bank order, B (when asked) is a seeded shuffle of the same questions. */
export function drawPaper(spec: PaperSpec, bank: readonly BankQuestion[], seed: string, variantCount: 1 | 2): DrawResult {
  if (spec.mode === 'random' && Object.values(spec.weights).every((w) => !(w > 0))) return { ok: false, message: '请至少为一个知识模块设置大于 0 的权重' };
  const random = seededRandom(seed);
  const chosen = pick(spec, bank, random);
  if (typeof chosen === 'string') return { ok: false, message: chosen };
  if (chosen.length === 0) return { ok: false, message: '试卷中没有试题' };
  const variants: Record<string, number[]> = { A: chosen };
  if (variantCount === 2) variants['B'] = shuffled(chosen, random);
  return { ok: true, paper: { variants } };
}
