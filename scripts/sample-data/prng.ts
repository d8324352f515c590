// A small seeded PRNG: the sample data must be identical for the same seed on every
// machine and Node version, which Math.random cannot give.

/** mulberry32: 32-bit state, good enough spread for test data, and trivially portable. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const tables = new WeakMap<object, { keys: string[]; cumulative: number[] }>();

export class Rng {
  private readonly next: () => number;

  constructor(seed: number) {
    this.next = mulberry32(seed);
  }

  /** [0, 1) */
  float(): number {
    return this.next();
  }

  /** an integer in [min, max], both included */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('pick from an empty list');
    return items[Math.floor(this.next() * items.length)]!;
  }

  /** picks a key of a weight table ({ '3110': 70, '3310': 12 }) */
  weighted<K extends string>(table: Readonly<Record<K, number>>): K {
    let t = tables.get(table);
    if (!t) {
      // tables are constants: their cumulative weights are worked out once (this runs per cell)
      const entries = Object.entries(table) as [string, number][];
      let sum = 0;
      t = { keys: entries.map(([k]) => k), cumulative: entries.map(([, w]) => (sum += w)) };
      tables.set(table, t);
    }
    const r = this.next() * t.cumulative[t.cumulative.length - 1]!;
    for (let i = 0; i < t.keys.length; i++) if (r < t.cumulative[i]!) return t.keys[i] as K;
    return t.keys[t.keys.length - 1] as K;
  }

  digits(n: number): string {
    let s = '';
    for (let i = 0; i < n; i++) s += String(this.int(0, 9));
    return s;
  }
}
