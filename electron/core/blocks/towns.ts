// The town (镇 / 街道 / 乡) of a Zhangjiagang address, for grouping units that are
// near each other: 张家港市塘桥镇人民路 12 号 → 塘桥镇; 江苏省张家港市金港街道… → 金港街道.
// An address without one (or no address) gives '', grouped as 地址未注明镇.

const PREFIXES = /^(江苏省)?(苏州市)?(张家港市)?/;
const TOWN = /^([\u4e00-\u9fa5]{1,6}?(?:街道|镇|乡))/;

export function townOf(address: string | null | undefined): string {
  if (!address) return '';
  const rest = address.replace(/\s+/g, '').replace(PREFIXES, '');
  return TOWN.exec(rest)?.[1] ?? '';
}
