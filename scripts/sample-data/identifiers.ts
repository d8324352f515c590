// Valid identifiers built the way the standards define them (docs/DOMAIN.md, 标识号),
// unique within one model. Checks reuse the app's own usccCheckChar so generator and
// validator cannot drift apart.
import { usccCheckChar } from '../../electron/core/validation/uscc.ts';
import type { Rng } from './prng.ts';

const USCC_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
export const DIVISION = '320582'; // 张家港

/** GB 11714 check character of the 8-character organisation code inside the credit code. */
export function orgCodeCheck(first8: string): string {
  const weights = [3, 7, 9, 10, 5, 8, 4, 2];
  let sum = 0;
  for (let i = 0; i < 8; i++) {
    const c = first8[i]!;
    sum += (/\d/.test(c) ? Number(c) : c.charCodeAt(0) - 55) * weights[i]!;
  }
  const check = 11 - (sum % 11);
  return check === 10 ? 'X' : check === 11 ? '0' : String(check);
}

/**
 * 91 + 320582 + organisation code: post-2015 'MA…' codes and converted 8-digit ones, half
 * each. The third character of the organisation code is the seed's block (see Serials).
 */
export function makeUscc(rng: Rng, block: number, used: Set<string>): string {
  for (;;) {
    let org8: string;
    if (rng.chance(0.5)) {
      org8 = `MA${block}`;
      for (let i = 0; i < 5; i++) org8 += rng.pick([...USCC_ALPHABET]);
    } else {
      org8 = `${rng.pick(['1', '2', '5', '6', '7'])}${rng.int(0, 9)}${block}${rng.digits(5)}`;
    }
    const body = `91${DIVISION}${org8}${orgCodeCheck(org8)}`;
    const code = body + usccCheckChar(body);
    if (!used.has(code)) {
      used.add(code);
      return code;
    }
  }
}

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];

export function idCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * ID_WEIGHTS[i]!;
  return '10X98765432'[sum % 11]!;
}

/** 320582 + a real birth date (born 1962–1999) + sequence (odd = male) + check. */
export function makeIdNumber(rng: Rng, male: boolean, used: Set<string>): string {
  for (;;) {
    const birth = new Date(Date.UTC(rng.int(1962, 1999), 0, 1) + rng.int(0, 364) * 86_400_000);
    const date = birth.toISOString().slice(0, 10).replaceAll('-', '');
    const seq = rng.int(0, 49) * 10 + rng.int(0, 4) * 2 + (male ? 1 : 0);
    const body = `${DIVISION}${date}${String(seq).padStart(3, '0')}`;
    const id = body + idCheckChar(body);
    if (!used.has(id)) {
      used.add(id);
      return id;
    }
  }
}

/**
 * Per-key running serials: the same prefix never hands out a number twice. Each seed
 * (modulo 9) numbers inside its own block, so models of seeds that differ modulo 9 share
 * no identifier and can go into one database (several districts in a benchmark).
 */
export class Serials {
  private readonly next = new Map<string, number>();

  constructor(
    private readonly rng: Rng,
    readonly block: number,
  ) {}

  take(key: string, blockSize: number): number {
    // start each series at a small random offset, as a real register never starts at 1 for us
    const n = this.next.get(key) ?? this.rng.int(1, 40);
    if (n >= blockSize) throw new Error(`sample data: serial range of ${key} exhausted (more than ${blockSize - 1}); use fewer units per seed`);
    this.next.set(key, n + 1);
    return this.block * blockSize + n;
  }
}

/** 设备代码: variety (4) + manufacturer (5) + year (4) + serial (5) = 18 characters. */
export function makeEquipmentCode(serials: Serials, variety: string, maker: string, year: number): string {
  const serial = serials.take(`ec:${variety}${maker}${year}`, 10_000);
  return `${variety}${maker}${year}${String(serial).padStart(5, '0')}`;
}

/** 注册代码: variety (4) + registering division (6) + YYYYMM (6) + serial (4) = 20 digits. */
export function makeRegistrationCode(serials: Serials, variety: string, registered: string): string {
  const yyyymm = registered.slice(0, 4) + registered.slice(5, 7);
  const serial = serials.take(`rc:${variety}${yyyymm}`, 1_000);
  return `${variety}${DIVISION}${yyyymm}${String(serial).padStart(4, '0')}`;
}

/** Kind abbreviations of 使用登记证编号 (elevators sure, the others unsure: see docs/DOMAIN.md, 标识号). */
export function registrationPrefix(code: string): string {
  if (code.startsWith('23')) return '瓶';
  return { '1': '锅', '2': '容', '3': '梯', '4': '起', '5': '车' }[code[0]!] ?? '设';
}

/** 使用登记证编号 like 梯11苏E00001(17): kind, digits 2–3 of the code, 苏E, serial, year. */
export function makeRegistrationNo(serials: Serials, code: string, registered: string): string {
  const yy = registered.slice(2, 4);
  const prefix = `${registrationPrefix(code)}${code.slice(1, 3)}苏E`;
  const serial = serials.take(`rn:${prefix}${yy}`, 10_000);
  return `${prefix}${String(serial).padStart(5, '0')}(${yy})`;
}

/**
 * 证书编号: "TS" + 3205 (苏州 issuing authority) + 2-digit issue year + 5-digit serial,
 * e.g. TS32052100123. Certificates issued through the national system since 2019 often
 * carry the holder's ID number instead, which is not unique per item; this older local
 * pattern keeps one number per certificate, which is what the importer keys on. Serials
 * stay below 90000 (block 8 ends at 89999): 99001… is kept for the defect rows.
 */
export function makeCertificateNo(serials: Serials, issued: string): string {
  const yy = issued.slice(2, 4);
  return `TS3205${yy}${String(serials.take(`cn:${yy}`, 10_000)).padStart(5, '0')}`;
}

export function makeMobile(rng: Rng, prefixes: readonly string[]): string {
  return rng.pick(prefixes) + rng.digits(8);
}
