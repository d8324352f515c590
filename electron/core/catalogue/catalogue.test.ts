import { describe, expect, it } from 'vitest';
import { loadCatalogue } from './catalogue.ts';

const catalogue = loadCatalogue();

describe('catalogue 2014', () => {
  it('resolves codes at every level, letters included', () => {
    expect(catalogue.resolve('3000')).toEqual({ kindCode: '3000', categoryCode: null, varietyCode: null, legacy: false });
    expect(catalogue.resolve('4A00')).toEqual({ kindCode: '4000', categoryCode: '4A00', varietyCode: null, legacy: false });
    expect(catalogue.resolve('23t0')).toEqual({ kindCode: '2000', categoryCode: '2300', varietyCode: '23T0', legacy: false });
    expect(catalogue.resolve('６Ｅ１０')).toMatchObject({ kindCode: '6000', categoryCode: '6E00', varietyCode: '6E10' });
  });

  it('resolves names and "code name" cells', () => {
    expect(catalogue.resolve('电梯')).toMatchObject({ kindCode: '3000', categoryCode: null });
    expect(catalogue.resolve('气瓶')).toMatchObject({ kindCode: '2000', categoryCode: '2300' });
    expect(catalogue.resolve('5110 叉车')?.kindCode).toBe('5000');
    expect(catalogue.resolve('场(厂)内专用机动车辆')).toMatchObject({ kindCode: '5000' });
  });

  it('follows the tree, not the digits: 7310 安全阀 is under F000', () => {
    expect(catalogue.resolve('7310')).toMatchObject({ kindCode: 'F000', categoryCode: '7310' });
  });

  it('maps legacy codes to their kind by the first character, flagged', () => {
    expect(catalogue.resolve('4B00')).toEqual({ kindCode: '4000', categoryCode: null, varietyCode: null, legacy: true });
    expect(catalogue.resolve('AB12')).toBeUndefined(); // no kind A000
    expect(catalogue.resolve('4430')).toEqual({ kindCode: '4000', categoryCode: null, varietyCode: null, legacy: true });
    expect(catalogue.resolve('5120 叉车(防爆)')).toMatchObject({ kindCode: '5000', legacy: true });
    expect(catalogue.resolve('不是设备')).toBeUndefined();
    expect(catalogue.resolve('')).toBeUndefined();
  });

  it('tells whether a piece is under an excluded code', () => {
    const cylinder = catalogue.resolve('2310')!;
    expect(catalogue.isUnder(cylinder, ['2300'])).toBe(true);
    expect(catalogue.isUnder(catalogue.resolve('2110')!, ['2300'])).toBe(false);
  });
});
