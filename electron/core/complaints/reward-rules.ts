import type { RewardScheme, SchemeRules } from '../../api/schemas/complaints.ts';

// The reward a scheme gives, and the sentence that says why, as printed on the
// approval form. Everything is in fen (integers): the share is computed with BigInt
// and rounded half up to the fen, so no float ever decides an amount.

const levelNames = ['一级', '二级', '三级'] as const;

/** 20000000 → "200,000.00" */
export function formatYuan(fen: number): string {
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  const yuan = Math.floor(abs / 100)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${sign}${yuan}.${String(abs % 100).padStart(2, '0')}`;
}

/** 500 → "5%", 250 → "2.5%", 125 → "1.25%" */
export function formatRate(bp: number): string {
  const whole = Math.floor(bp / 100);
  const rest = bp % 100;
  if (rest === 0) return `${whole}%`;
  return `${whole}.${String(rest).padStart(2, '0').replace(/0$/, '')}%`;
}

/** total × bp / 10000, rounded half up to the fen. */
export function shareOf(totalFen: number, bp: number): number {
  return Number((BigInt(totalFen) * BigInt(bp) + 5000n) / 10000n);
}

export interface RewardInput {
  scheme: RewardScheme;
  /** the local scheme's name (ignored for the national one) */
  localName?: string;
  rules: SchemeRules;
  level: number;
  finesFen: number;
  confiscatedFen: number;
}

export interface RewardProposal {
  proposedFen: number;
  basis: string;
  minimumFen: number;
  capFen: number;
}

export function levelName(level: number): string {
  return levelNames[level - 1] ?? `${level}级`;
}

/**
 * 国市监稽规〔2021〕4号 art. 13: a share of the fines and confiscations, at least the
 * level's minimum (also when there are none), at most the cap a case. A local scheme
 * has the same shape; with a share of 0 it is a fixed amount per level.
 */
export function proposeReward(input: RewardInput): RewardProposal {
  const rule = input.rules.levels[input.level - 1];
  if (!rule) throw new RangeError(`level ${input.level} is not 1–3`);
  const { capFen } = input.rules;
  const { minimumFen, rateBp } = rule;
  const total = input.finesFen + input.confiscatedFen;
  const source = input.scheme === 'national' ? '依据国市监稽规〔2021〕4号' : `依据${input.localName ?? '本地举报奖励标准'}`;
  const parts: string[] = [];
  let amount: number;
  if (rateBp === 0) {
    amount = minimumFen;
    parts.push(`${levelName(input.level)}奖励固定金额 ${formatYuan(minimumFen)} 元`);
  } else if (total === 0) {
    amount = minimumFen;
    parts.push(`无罚没款，${levelName(input.level)}奖励不低于 ${formatYuan(minimumFen)} 元，按 ${formatYuan(minimumFen)} 元`);
  } else {
    const share = shareOf(total, rateBp);
    const of =
      input.finesFen > 0 && input.confiscatedFen > 0
        ? `罚没款（罚款 ${formatYuan(input.finesFen)} 元 + 没收 ${formatYuan(input.confiscatedFen)} 元）${formatYuan(total)} 元`
        : `罚没款 ${formatYuan(total)} 元`;
    parts.push(`${of} × ${formatRate(rateBp)} = ${formatYuan(share)} 元`);
    if (share < minimumFen) {
      amount = minimumFen;
      parts.push(`不足 ${formatYuan(minimumFen)} 元，按 ${formatYuan(minimumFen)} 元`);
    } else {
      amount = share;
      parts.push(`不低于 ${formatYuan(minimumFen)} 元`);
    }
  }
  if (amount > capFen) {
    parts.push(`超过每案上限 ${formatYuan(capFen)} 元，按 ${formatYuan(capFen)} 元`);
    amount = capFen;
  }
  return { proposedFen: amount, basis: `${source}（${levelName(input.level)}）：${parts.join('，')}`, minimumFen: Math.min(minimumFen, capFen), capFen };
}
