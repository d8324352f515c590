import { describe, expect, it } from 'vitest';
import { ComplaintSettings, localDefault, nationalDefault, RewardPreviewInput, type SchemeRules } from '../../api/schemas/complaints.ts';
import { formatRate, formatYuan, proposeReward, shareOf } from './reward-rules.ts';

// 国市监稽规〔2021〕4号 art. 13 and a local fixed-amount scheme, in fen.
const national = (level: number, finesFen: number, confiscatedFen = 0) => proposeReward({ scheme: 'national', rules: nationalDefault, level, finesFen, confiscatedFen });
const yuan = (n: number) => n * 100;

describe('the national scheme', () => {
  it('gives 5% / 3% / 1% of ¥200,000 with the basis written out', () => {
    expect(national(1, yuan(200_000))).toEqual({ proposedFen: yuan(10_000), basis: '依据国市监稽规〔2021〕4号（一级）：罚没款 200,000.00 元 × 5% = 10,000.00 元，不低于 5,000.00 元', minimumFen: yuan(5000), capFen: yuan(1_000_000) });
    expect(national(2, yuan(200_000)).proposedFen).toBe(yuan(6000));
    expect(national(3, yuan(200_000)).proposedFen).toBe(yuan(2000));
  });

  it('raises a small share to the level’s minimum', () => {
    expect(national(1, yuan(50_000))).toMatchObject({ proposedFen: yuan(5000), basis: '依据国市监稽规〔2021〕4号（一级）：罚没款 50,000.00 元 × 5% = 2,500.00 元，不足 5,000.00 元，按 5,000.00 元' });
    expect(national(2, yuan(99_999)).proposedFen).toBe(yuan(3000));
    expect(national(3, yuan(99_999)).proposedFen).toBe(yuan(1000));
    // exactly at the minimum
    expect(national(3, yuan(100_000)).proposedFen).toBe(yuan(1000));
  });

  it('gives the minimum when there are no fines or confiscations', () => {
    expect(national(1, 0)).toMatchObject({ proposedFen: yuan(5000), basis: '依据国市监稽规〔2021〕4号（一级）：无罚没款，一级奖励不低于 5,000.00 元，按 5,000.00 元' });
    expect(national(2, 0).proposedFen).toBe(yuan(3000));
    expect(national(3, 0).proposedFen).toBe(yuan(1000));
  });

  it('stops at ¥1,000,000 a case', () => {
    expect(national(1, yuan(30_000_000))).toMatchObject({
      proposedFen: yuan(1_000_000),
      basis: '依据国市监稽规〔2021〕4号（一级）：罚没款 30,000,000.00 元 × 5% = 1,500,000.00 元，不低于 5,000.00 元，超过每案上限 1,000,000.00 元，按 1,000,000.00 元',
    });
    expect(national(1, yuan(20_000_000)).proposedFen).toBe(yuan(1_000_000));
    expect(national(1, yuan(20_000_000) - 1).proposedFen).toBe(yuan(1_000_000));
  });

  it('adds fines and confiscations, and rounds half up to the fen in integers', () => {
    expect(national(1, yuan(150_000), yuan(50_000))).toMatchObject({ proposedFen: yuan(10_000), basis: expect.stringContaining('罚没款（罚款 150,000.00 元 + 没收 50,000.00 元）200,000.00 元 × 5%') });
    expect(shareOf(50, 100)).toBe(1); // 0.5 fen → 1
    expect(shareOf(49, 100)).toBe(0);
    expect(shareOf(1_234_567, 300)).toBe(37_037); // 370.3701 yuan
    // beyond 2^53 in the product: BigInt keeps it exact
    expect(shareOf(1_000_000_000_000, 10_000)).toBe(1_000_000_000_000);
    const noMinimum: SchemeRules = { levels: [{ rateBp: 300, minimumFen: 0 }, { rateBp: 300, minimumFen: 0 }, { rateBp: 300, minimumFen: 0 }], capFen: yuan(1_000_000) };
    expect(proposeReward({ scheme: 'national', rules: noMinimum, level: 1, finesFen: 1_234_567, confiscatedFen: 0 }).proposedFen).toBe(37_037);
  });
});

describe('a local tier table', () => {
  it('gives fixed amounts per level (¥200 / ¥100 / ¥50)', () => {
    const local = (level: number, finesFen: number) => proposeReward({ scheme: 'local', localName: '张家港市12345举报奖励办法', rules: localDefault, level, finesFen, confiscatedFen: 0 });
    expect(local(1, yuan(200_000))).toMatchObject({ proposedFen: yuan(200), basis: '依据张家港市12345举报奖励办法（一级）：一级奖励固定金额 200.00 元' });
    expect(local(2, 0).proposedFen).toBe(yuan(100));
    expect(local(3, yuan(1)).proposedFen).toBe(yuan(50));
  });

  it('may also take a share with its own minimum and cap', () => {
    const rules: SchemeRules = { levels: [{ rateBp: 250, minimumFen: yuan(300) }, { rateBp: 125, minimumFen: yuan(200) }, { rateBp: 10, minimumFen: yuan(100) }], capFen: yuan(2000) };
    const local = (level: number, finesFen: number) => proposeReward({ scheme: 'local', rules, level, finesFen, confiscatedFen: 0 });
    expect(local(1, yuan(40_000))).toMatchObject({ proposedFen: yuan(1000), basis: '依据本地举报奖励标准（一级）：罚没款 40,000.00 元 × 2.5% = 1,000.00 元，不低于 300.00 元' });
    expect(local(1, yuan(100_000)).proposedFen).toBe(yuan(2000));
    expect(local(2, yuan(10_000)).proposedFen).toBe(yuan(200));
    expect(local(3, yuan(200_000)).basis).toContain('× 0.1% = 200.00 元');
  });
});

describe('money in the contract and the settings', () => {
  it('reads yuan as typed into fen exactly, and refuses what is not money', () => {
    const fen = (v: unknown) => RewardPreviewInput.parse({ scheme: 'national', level: 1, finesYuan: v }).finesYuan;
    expect(fen(200000)).toBe(20_000_000);
    expect(fen('200,000.00')).toBe(20_000_000);
    expect(fen('0.1')).toBe(10);
    expect(fen('1234.56')).toBe(123_456);
    expect(fen(19.99)).toBe(1999);
    expect(fen('')).toBe(0);
    expect(RewardPreviewInput.parse({ scheme: 'national', level: 2 }).finesYuan).toBe(0);
    for (const bad of ['-1', '1.234', 'abc', 1e21, '20000000000']) expect(RewardPreviewInput.safeParse({ scheme: 'national', level: 1, finesYuan: bad }).success, String(bad)).toBe(false);
    expect(RewardPreviewInput.safeParse({ scheme: 'national', level: 4 }).error?.issues[0]?.message).toBe('奖励等级应为一级、二级或三级');
  });

  it('formats yuan and rates', () => {
    expect(formatYuan(100_000_000)).toBe('1,000,000.00');
    expect(formatYuan(5)).toBe('0.05');
    expect(formatYuan(0)).toBe('0.00');
    expect([500, 250, 125, 5, 10].map(formatRate)).toEqual(['5%', '2.5%', '1.25%', '0.05%', '0.1%']);
  });

  it('defaults to the national scheme of 国市监稽规〔2021〕4号 and 15 working days, and refuses a minimum above the cap', () => {
    const defaults = ComplaintSettings.parse({});
    expect(defaults).toMatchObject({ handlingWorkingDays: 15, national: nationalDefault, local: localDefault });
    const bad = { levels: [{ rateBp: 500, minimumFen: yuan(5000) }, { rateBp: 300, minimumFen: yuan(3000) }, { rateBp: 100, minimumFen: yuan(1000) }], capFen: yuan(4000) };
    expect(ComplaintSettings.safeParse({ national: bad }).error?.issues[0]?.message).toBe('各级最低金额不能高于奖励上限');
  });
});
