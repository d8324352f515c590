import type { JobProgress } from '../../api/schemas/jobs.ts';

// The progress of long calls in shared memory. The core writes it from the thread
// that runs the call; the host reads it, and raises a job's cancel flag, from its
// own thread without sending the core a message. That is what lets jobs.progress
// and jobs.cancel answer while the core sits in a synchronous better-sqlite3
// transaction (an import's write), which no message could interrupt.
//
// One writer (the core's thread), any number of readers. Each slot has a sequence
// counter (a seqlock): the writer makes it odd while it writes and even after, a
// reader retries until it reads the same even value before and after. The cancel
// flag lives outside the seqlock and holds the generation of the job to stop, so
// a flag raised for a job that has just finished can never stop the slot's next job.

const SLOTS = 64;
const ID_CHARS = 64;
const PHASE_CHARS = 96;

// Int32 fields of a slot
const SEQ = 0;
const STATE = 1;
const GENERATION = 2;
const CANCEL = 3;
const TOTAL_KNOWN = 4;
const ID_LENGTH = 5;
const PHASE_LENGTH = 6;
const INTS = 8;
// Float64 fields of a slot: rows and bytes can pass 2^31
const DONE = 0;
const TOTAL = 1;
const FINISHED_AT = 2;
const FLOATS = 3;
const CHARS = ID_CHARS + PHASE_CHARS;
const MAX_READ_ATTEMPTS = 100_000;

const states = ['empty', 'running', 'done', 'failed', 'cancelled'] as const;
type SlotState = (typeof states)[number];
export type FinishedState = 'done' | 'failed' | 'cancelled';

export const JOB_BOARD_BYTES = SLOTS * (INTS * 4 + FLOATS * 8 + CHARS * 2);

interface SlotView {
  jobId: string;
  state: SlotState;
  generation: number;
  phase: string;
  done: number;
  total: number | null;
  finishedAt: number;
}

export class JobBoard {
  private readonly ints: Int32Array;
  private readonly floats: Float64Array;
  private readonly chars: Uint16Array;
  private nextGeneration = 1;

  /** A board on `buffer` (shared with the other thread), or on a buffer of its own. */
  constructor(readonly buffer: SharedArrayBuffer = new SharedArrayBuffer(JOB_BOARD_BYTES)) {
    if (buffer.byteLength < JOB_BOARD_BYTES) throw new RangeError('job board buffer too small');
    // floats first: their offset must be a multiple of 8
    this.floats = new Float64Array(buffer, 0, SLOTS * FLOATS);
    this.ints = new Int32Array(buffer, SLOTS * FLOATS * 8, SLOTS * INTS);
    this.chars = new Uint16Array(buffer, SLOTS * FLOATS * 8 + SLOTS * INTS * 4, SLOTS * CHARS);
  }

  // ---- the writer's side (the thread that runs the core) ----

  /** Takes a slot for a new running job: an empty one, else the one finished longest ago; null when all run. */
  begin(jobId: string): number | null {
    let chosen = -1;
    let oldest = Infinity;
    for (let slot = 0; slot < SLOTS; slot++) {
      const view = this.read(slot);
      if (view.state === 'empty') {
        chosen = slot;
        break;
      }
      if (view.state !== 'running' && view.finishedAt < oldest) {
        oldest = view.finishedAt;
        chosen = slot;
      }
    }
    if (chosen < 0) return null;
    const generation = this.nextGeneration++;
    this.write(chosen, () => {
      const base = chosen * INTS;
      this.ints[base + STATE] = states.indexOf('running');
      this.ints[base + GENERATION] = generation;
      this.ints[base + TOTAL_KNOWN] = 0;
      this.floats[chosen * FLOATS + DONE] = 0;
      this.floats[chosen * FLOATS + TOTAL] = 0;
      this.floats[chosen * FLOATS + FINISHED_AT] = 0;
      this.ints[base + ID_LENGTH] = this.putText(chosen, 0, ID_CHARS, jobId);
      this.ints[base + PHASE_LENGTH] = 0;
    });
    return chosen;
  }

  phase(slot: number, label: string, total: number | null): void {
    this.write(slot, () => {
      this.ints[slot * INTS + PHASE_LENGTH] = this.putText(slot, ID_CHARS, PHASE_CHARS, label);
      this.ints[slot * INTS + TOTAL_KNOWN] = total === null ? 0 : 1;
      this.floats[slot * FLOATS + TOTAL] = total ?? 0;
      this.floats[slot * FLOATS + DONE] = 0;
    });
  }

  advance(slot: number, done: number): void {
    this.write(slot, () => {
      this.floats[slot * FLOATS + DONE] = done;
    });
  }

  finish(slot: number, state: FinishedState, now = Date.now()): void {
    this.write(slot, () => {
      this.ints[slot * INTS + STATE] = states.indexOf(state);
      this.floats[slot * FLOATS + FINISHED_AT] = now;
    });
  }

  /** Read with one atomic load, so a check inside a tight loop costs next to nothing. */
  cancelRequested(slot: number): boolean {
    const generation = this.ints[slot * INTS + GENERATION]!;
    return Atomics.load(this.ints, slot * INTS + CANCEL) === generation;
  }

  // ---- either side ----

  progress(jobId: string): JobProgress {
    const found = this.find(jobId);
    if (!found || found.view.state === 'empty') return { jobId, state: 'unknown', phase: '', done: 0, total: null };
    const { view } = found;
    return { jobId, state: view.state as JobProgress['state'], phase: view.phase, done: Math.round(view.done), total: view.total === null ? null : Math.round(view.total) };
  }

  isRunning(jobId: string): boolean {
    return this.find(jobId)?.view.state === 'running';
  }

  /** Raises the cancel flag of a running job; false when no such job runs. */
  requestCancel(jobId: string): boolean {
    const found = this.find(jobId);
    if (!found || found.view.state !== 'running') return false;
    Atomics.store(this.ints, found.slot * INTS + CANCEL, found.view.generation);
    return true;
  }

  private find(jobId: string): { slot: number; view: SlotView } | null {
    for (let slot = 0; slot < SLOTS; slot++) {
      const view = this.read(slot);
      if (view.state !== 'empty' && view.jobId === jobId) return { slot, view };
    }
    return null;
  }

  private write(slot: number, change: () => void): void {
    Atomics.add(this.ints, slot * INTS + SEQ, 1);
    try {
      change();
    } finally {
      Atomics.add(this.ints, slot * INTS + SEQ, 1);
    }
  }

  private read(slot: number): SlotView {
    const base = slot * INTS;
    // bounded: a writer that died mid-write must not hang the reader's thread
    for (let attempt = 0; ; attempt++) {
      const before = Atomics.load(this.ints, base + SEQ);
      if (before % 2 === 1 && attempt < MAX_READ_ATTEMPTS) continue;
      const view: SlotView = {
        state: states[this.ints[base + STATE]!] ?? 'empty',
        generation: this.ints[base + GENERATION]!,
        jobId: this.getText(slot, 0, this.ints[base + ID_LENGTH]!),
        phase: this.getText(slot, ID_CHARS, this.ints[base + PHASE_LENGTH]!),
        done: this.floats[slot * FLOATS + DONE]!,
        total: this.ints[base + TOTAL_KNOWN] === 1 ? this.floats[slot * FLOATS + TOTAL]! : null,
        finishedAt: this.floats[slot * FLOATS + FINISHED_AT]!,
      };
      if (Atomics.load(this.ints, base + SEQ) === before || attempt >= MAX_READ_ATTEMPTS) return view;
    }
  }

  private putText(slot: number, offset: number, max: number, text: string): number {
    // a label longer than the room keeps its start and an ellipsis
    const value = text.length > max ? `${text.slice(0, max - 1)}…` : text;
    const start = slot * CHARS + offset;
    for (let i = 0; i < value.length; i++) this.chars[start + i] = value.charCodeAt(i);
    return value.length;
  }

  private getText(slot: number, offset: number, length: number): string {
    const start = slot * CHARS + offset;
    const safe = Math.max(0, Math.min(length, offset === 0 ? ID_CHARS : PHASE_CHARS));
    return String.fromCharCode(...this.chars.subarray(start, start + safe));
  }
}
