import { pinyin } from 'pinyin-pro';

/**
 * Lower-case pinyin initials of a Chinese name (张家港市塘桥机械 → zjgstqjx), letters
 * and digits kept as they are, so desk staff can find 张三 by typing "zs".
 */
export function nameInitials(name: string): string {
  return pinyin(name, { pattern: 'first', toneType: 'none', type: 'array', nonZh: 'consecutive' })
    .join('')
    .replace(/[^0-9a-z]/gi, '')
    .toLowerCase();
}
