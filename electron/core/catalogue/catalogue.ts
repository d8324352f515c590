import catalogue2014 from '../../../resources/domain/catalogue-2014.json' with { type: 'json' };
import { toHalfWidth } from '../text.ts';

// 特种设备目录 (2014): 种类 X000 > 类别 XX00 > 品种 XXX0. Codes may hold letters
// (4A00, 6E10, 23T0). The tree, not the digits, says who is whose parent:
// F000 安全附件 holds 7310 安全阀, a quirk of the official list.

export type CatalogueLevel = 'kind' | 'category' | 'variety';

export interface CatalogueEntry {
  code: string;
  name: string;
  level: CatalogueLevel;
  kindCode: string;
  categoryCode: string | null;
}

export interface Resolved {
  kindCode: string;
  categoryCode: string | null;
  varietyCode: string | null;
  /** a code outside the 2014 catalogue, mapped to a kind by its first character */
  legacy: boolean;
}

interface RawNode {
  code: string;
  name: string;
  categories?: RawNode[];
  varieties?: RawNode[];
}

export class Catalogue {
  private readonly byCode = new Map<string, CatalogueEntry>();
  private readonly byName = new Map<string, CatalogueEntry>();

  constructor(kinds: RawNode[]) {
    for (const kind of kinds) {
      this.add({ code: kind.code, name: kind.name, level: 'kind', kindCode: kind.code, categoryCode: null });
      for (const category of kind.categories ?? []) {
        this.add({ code: category.code, name: category.name, level: 'category', kindCode: kind.code, categoryCode: null });
        for (const variety of category.varieties ?? []) {
          this.add({ code: variety.code, name: variety.name, level: 'variety', kindCode: kind.code, categoryCode: category.code });
        }
      }
    }
  }

  private add(entry: CatalogueEntry): void {
    this.byCode.set(entry.code, entry);
    // a name used at two levels (rare) resolves to the more general one
    const key = normalizeName(entry.name);
    if (!this.byName.has(key)) this.byName.set(key, entry);
  }

  get(code: string): CatalogueEntry | undefined {
    return this.byCode.get(code);
  }

  kinds(): CatalogueEntry[] {
    return [...this.byCode.values()].filter((e) => e.level === 'kind');
  }

  /**
   * A code or a name at any level, as ledgers write it ("3110", "曳引驱动乘客电梯",
   * "3110 曳引驱动乘客电梯", "电梯"). Unknown 4-character codes whose first character
   * is a known kind resolve as legacy; anything else is undefined.
   */
  resolve(text: string): Resolved | undefined {
    const value = toHalfWidth(text).trim().toUpperCase();
    if (!value) return undefined;
    const code = /^([0-9A-Z]{4})(?:\s|$|[^0-9A-Z])/.exec(value)?.[1];
    if (code) {
      const entry = this.byCode.get(code);
      if (entry) return this.toResolved(entry);
      const kindCode = `${code[0]}000`;
      if (this.byCode.has(kindCode)) {
        return { kindCode, categoryCode: null, varietyCode: null, legacy: true };
      }
    }
    const named = this.byName.get(normalizeName(value.replace(/^[0-9A-Z]{4}\s*/, '')));
    return named ? this.toResolved(named) : undefined;
  }

  private toResolved(entry: CatalogueEntry): Resolved {
    if (entry.level === 'kind') return { kindCode: entry.code, categoryCode: null, varietyCode: null, legacy: false };
    if (entry.level === 'category') return { kindCode: entry.kindCode, categoryCode: entry.code, varietyCode: null, legacy: false };
    return { kindCode: entry.kindCode, categoryCode: entry.categoryCode, varietyCode: entry.code, legacy: false };
  }

  /** Whether a piece with these codes falls under one of the given codes (e.g. 2300 气瓶 and all below it). */
  isUnder(codes: { kindCode: string | null; categoryCode: string | null; varietyCode: string | null }, ancestors: readonly string[]): boolean {
    return ancestors.some((a) => a === codes.kindCode || a === codes.categoryCode || a === codes.varietyCode);
  }
}

function normalizeName(name: string): string {
  return toHalfWidth(name).replace(/\s+/g, '').replace(/[()]/g, (c) => (c === '(' ? '（' : '）'));
}

let shared: Catalogue | undefined;

/** The 2014 catalogue shipped in resources/domain (bundled into the app at build time). */
export function loadCatalogue(): Catalogue {
  shared ??= new Catalogue((catalogue2014 as { kinds: RawNode[] }).kinds);
  return shared;
}
