import { describe, expect, it } from 'vitest';
import { JobBoard } from './job-board.ts';

describe('JobBoard', () => {
  it('shows one board through two views of the same shared memory', () => {
    const writer = new JobBoard();
    const reader = new JobBoard(writer.buffer);
    const slot = writer.begin('job-aaaaaaaa')!;
    writer.phase(slot, '写入数据库', 100_000);
    writer.advance(slot, 2_500_000_000 / 1000);
    expect(reader.progress('job-aaaaaaaa')).toEqual({ jobId: 'job-aaaaaaaa', state: 'running', phase: '写入数据库', done: 2_500_000, total: 100_000 });
    expect(reader.requestCancel('job-aaaaaaaa')).toBe(true);
    expect(writer.cancelRequested(slot)).toBe(true);
    writer.finish(slot, 'cancelled');
    expect(reader.progress('job-aaaaaaaa').state).toBe('cancelled');
    expect(reader.requestCancel('job-aaaaaaaa')).toBe(false);
    expect(reader.progress('never-started').state).toBe('unknown');
  });

  it('never lets a cancel raised for a finished job stop the next job in its slot', () => {
    const board = new JobBoard();
    const first = board.begin('job-first-1')!;
    board.finish(first, 'done');
    // fill every other slot so the next job must reuse the first one
    for (let i = 0; i < 63; i++) board.finish(board.begin(`job-filler-${i}`)!, 'done');
    const second = board.begin('job-second')!;
    expect(second).toBe(first);
    expect(board.requestCancel('job-first-1')).toBe(false);
    expect(board.cancelRequested(second)).toBe(false);
    expect(board.progress('job-first-1').state).toBe('unknown');
  });

  it('keeps the start of a long phase label and refuses a job when every slot runs', () => {
    const board = new JobBoard();
    const slot = board.begin('job-long-label')!;
    board.phase(slot, `解密并校验 ${'很长的文件名'.repeat(40)}.qklb`, null);
    const { phase, total } = board.progress('job-long-label');
    expect(phase.startsWith('解密并校验 很长的文件名')).toBe(true);
    expect(phase.endsWith('…')).toBe(true);
    expect(phase.length).toBe(96);
    expect(total).toBeNull();
    for (let i = 1; i < 64; i++) expect(board.begin(`job-running-${i}`)).not.toBeNull();
    expect(board.begin('job-one-too-many')).toBeNull();
  });
});
