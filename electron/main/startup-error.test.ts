import { describe, expect, it } from 'vitest';
import { AppError } from '../api/errors.ts';
import { startupErrorBox } from './startup-error.ts';

describe('startupErrorBox', () => {
  it('shows the database error’s own Chinese message for a database that is too new', () => {
    const box = startupErrorBox(new AppError('DB_TOO_NEW', '数据库来自更新版本的程序，请升级后再打开。'));
    expect(box).toEqual({ title: '区块链监管工作台无法启动', content: '数据库来自更新版本的程序，请升级后再打开。' });
  });

  it('explains SQLite’s own corruption errors in Chinese', () => {
    for (const code of ['SQLITE_NOTADB', 'SQLITE_CORRUPT', 'SQLITE_CORRUPT_INDEX']) {
      const error = Object.assign(new Error('file is not a database'), { code });
      expect(startupErrorBox(error).content).toMatch(/已损坏/);
      expect(startupErrorBox(error).content).not.toContain('file is not a database');
    }
  });

  it('explains a corruption the core process reported by its code only', () => {
    expect(startupErrorBox(new AppError('DB_CORRUPT', '')).content).toMatch(/已损坏/);
    expect(startupErrorBox(new AppError('INTERNAL', '')).content).toMatch(/打开数据库时出错/);
  });

  it('shows a generic Chinese message, never the raw error, for anything else', () => {
    const box = startupErrorBox(new Error('EACCES: permission denied, open /home/x/qkl.sqlite'));
    expect(box.content).toMatch(/[\u4e00-\u9fff]/);
    expect(box.content).not.toContain('EACCES');
  });
});
