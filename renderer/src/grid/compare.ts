// Text in the grids held in memory sorts as a Chinese reader expects: by pinyin (the
// zh-CN collation), numbers inside text by value (第2号 before 第10号), empty cells last.
// The paged grids sort in SQLite by the same rule (name_sort).
const collator = new Intl.Collator('zh-CN', { numeric: true, sensitivity: 'base' });

export function compareCells(a: unknown, b: unknown): number {
  const emptyA = a === null || a === undefined || a === '';
  const emptyB = b === null || b === undefined || b === '';
  if (emptyA || emptyB) return emptyA === emptyB ? 0 : emptyA ? 1 : -1;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a === 'boolean' && typeof b === 'boolean') return Number(a) - Number(b);
  return collator.compare(String(a), String(b));
}
