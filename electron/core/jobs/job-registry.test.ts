import { describe, expect, it } from 'vitest';
import { JobRegistry } from './job-registry.ts';

describe('JobRegistry', () => {
  it('reports progress while a job runs and its end state after', async () => {
    const jobs = new JobRegistry();
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const running = jobs.run('job-00000001', async (job) => {
      job.phase('读取文件', 10);
      job.advance(4);
      await gate;
      return 42;
    });
    expect(jobs.progress('job-00000001')).toEqual({ jobId: 'job-00000001', state: 'running', phase: '读取文件', done: 4, total: 10 });
    await expect(jobs.run('job-00000001', () => 1)).rejects.toMatchObject({ code: 'DUPLICATE' });
    release();
    expect(await running).toBe(42);
    expect(jobs.progress('job-00000001').state).toBe('done');
    expect(jobs.progress('never-started').state).toBe('unknown');
  });

  it('cancels cooperatively at the next checkpoint', async () => {
    const jobs = new JobRegistry();
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const running = jobs.run('job-00000002', async (job) => {
      await gate;
      job.checkpoint();
      return 'finished';
    });
    expect(jobs.cancel('job-00000002')).toBe(true);
    release();
    await expect(running).rejects.toMatchObject({ code: 'CANCELLED', message: expect.stringContaining('数据未改变') });
    expect(jobs.progress('job-00000002').state).toBe('cancelled');
    expect(jobs.cancel('job-00000002')).toBe(false);
  });
});
