import { performance } from 'node:perf_hooks';

// Timing for the speed benchmarks: the median of several runs, wall clock and this process's
// CPU time (the machine is shared, and the CPU time is what a slower, idle desk PC would see
// as wall time), printed against the goal when there is one.

export interface Timed<T> {
  wallMs: number;
  cpuMs: number;
  last: T;
}

export async function median<T>(run: () => T | Promise<T>, times = 7): Promise<Timed<T>> {
  const wall: number[] = [];
  const cpu: number[] = [];
  let last!: T;
  for (let i = 0; i < times; i++) {
    const c = process.cpuUsage();
    const s = performance.now();
    last = await run();
    wall.push(performance.now() - s);
    const d = process.cpuUsage(c);
    cpu.push((d.user + d.system) / 1000);
  }
  const mid = (list: number[]) => list.sort((a, b) => a - b)[Math.floor(list.length / 2)]!;
  return { wallMs: mid(wall), cpuMs: mid(cpu), last };
}

/** "median 12.3 ms (cpu 10.1 ms)  goal ≤ 50 ms: met" */
export function figure(t: Timed<unknown>, goalMs?: number): string {
  const base = `median ${t.wallMs.toFixed(1).padStart(7)} ms (cpu ${t.cpuMs.toFixed(1).padStart(6)} ms)`;
  if (goalMs === undefined) return base;
  const ratio = t.wallMs / goalMs;
  return `${base}  goal ≤ ${goalMs} ms: ${ratio <= 1 ? 'met' : `${ratio.toFixed(2)}× the goal`} (${ratio.toFixed(2)})`;
}
