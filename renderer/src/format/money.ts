// Money on the page: amounts arrive from the core in fen (integers) and are shown as
// 10,000.00 and, on the approval form, in the capital numerals of financial documents
// (大写金额, as 《支付结算办法》 writes them: 壹万元整, 壹仟贰佰元零伍分).

/** 1000000 → "10,000.00" */
export function formatFen(fen: number | null | undefined): string {
  if (fen === null || fen === undefined) return '';
  const abs = Math.abs(fen);
  const yuan = Math.floor(abs / 100)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${fen < 0 ? '-' : ''}${yuan}.${String(abs % 100).padStart(2, '0')}`;
}

/** "200,000.50" / "1.5" / "" → fen, exactly (no float); null when it is not an amount. */
export function parseYuan(text: string): number | null {
  const match = /^(\d{1,11})(?:\.(\d{1,2}))?$/.exec(text.replace(/[,，\s]/g, '') || '0');
  if (!match) return null;
  return Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
}

/** "5" / "2.5" / "1.25" (per cent) → basis points; null when it is not a rate. */
export function parsePercent(text: string): number | null {
  const match = /^(\d{1,3})(?:\.(\d{1,2}))?$/.exec(text.trim());
  if (!match) return null;
  const bp = Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
  return bp <= 10_000 ? bp : null;
}

/** 500 → "5", 250 → "2.5" */
export function percentText(bp: number): string {
  return String(bp / 100);
}

const DIGITS = '零壹贰叁肆伍陆柒捌玖';
const PLACES = ['', '拾', '佰', '仟'];
const GROUPS = ['', '万', '亿', '万亿'];

/** 1..9999 in capitals, zeros inside the group written once (1001 → 壹仟零壹). */
function groupWords(n: number): string {
  let text = '';
  let zero = false;
  for (let place = 3; place >= 0; place--) {
    const digit = Math.floor(n / 10 ** place) % 10;
    if (digit === 0) {
      if (text) zero = true;
      continue;
    }
    if (zero) text += '零';
    zero = false;
    text += DIGITS[digit]! + PLACES[place]!;
  }
  return text;
}

function yuanWords(yuan: number): string {
  const groups: number[] = [];
  for (let rest = yuan; rest > 0; rest = Math.floor(rest / 10_000)) groups.push(rest % 10_000);
  let text = '';
  let gap = false;
  for (let i = groups.length - 1; i >= 0; i--) {
    const group = groups[i]!;
    if (group === 0) {
      if (text) gap = true;
      continue;
    }
    // a zero between groups, or a group that does not fill its thousands (100100 → 壹拾万零壹佰)
    if (text && (gap || group < 1000)) text += '零';
    text += groupWords(group) + GROUPS[i]!;
    gap = false;
  }
  return text;
}

/** 1000000 fen → 壹万元整; 5 → 伍分; 0 → 零元整. */
export function amountInWords(fen: number): string {
  if (!Number.isInteger(fen) || fen < 0) throw new RangeError('amountInWords: fen must be a non-negative integer');
  const yuan = Math.floor(fen / 100);
  const jiao = Math.floor(fen / 10) % 10;
  const cents = fen % 10;
  let text = yuan > 0 ? `${yuanWords(yuan)}元` : '';
  if (jiao === 0 && cents === 0) return text ? `${text}整` : '零元整';
  if (jiao > 0) text += `${DIGITS[jiao]}角`;
  else if (yuan > 0) text += '零';
  text += cents > 0 ? `${DIGITS[cents]}分` : '整';
  return text;
}
