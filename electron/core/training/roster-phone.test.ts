import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { exchangeNode, type ExchangeNode } from '../../../tests/support/exchange.ts';
import { testIdNumber } from './testing/workbooks.ts';

// A roster's 联系电话 is checked like every other phone of the app: a real xlsx with
// an impossible number ("12") is refused row by row and adds nobody.

let centre: ExchangeNode;
beforeEach(async () => {
  centre = await exchangeNode('training', '张家港市特种设备技术服务中心');
});
afterEach(() => centre.cleanup());

async function roster(rows: Array<[string, string, string]>): Promise<string> {
  const file = path.join(centre.dir, `roster-${rows.length}-${rows[0]![2]}.xlsx`);
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('名单');
  sheet.addRow(['姓名', '身份证号', '联系电话']);
  rows.forEach((r) => sheet.addRow(r));
  await book.xlsx.writeFile(file);
  return file;
}

describe('training roster phones', () => {
  it('refuses an impossible phone with the row, the name and the value, adding nobody; keeps a good one tidied', async () => {
    const session = await centre.ok('training.saveSession', { title: '2026年第一期安全监督员培训', startDate: '2026-11-20', endDate: '2026-11-21', place: '市局三楼会议室', trainers: '张老师', hours: 16 });
    const bad = await roster([
      ['孙丽', testIdNumber(4), '139 1234 5678'],
      ['吴敏', testIdNumber(6), '12'],
    ]);
    const refused = await centre.ok('training.importRoster', { sessionId: session.id, source: { kind: 'path', path: bad } });
    expect(refused).toMatchObject({ added: 0, errors: [{ row: 3, name: '吴敏', code: 'bad-phone', message: expect.stringContaining('第 3 行（吴敏）的联系电话“12”不正确') }] });
    expect((await centre.ok('training.session', { id: session.id })).roster).toHaveLength(0);

    const good = await roster([['孙丽', testIdNumber(4), '１３９ 1234 5678']]);
    expect(await centre.ok('training.importRoster', { sessionId: session.id, source: { kind: 'path', path: good } })).toMatchObject({ added: 1, errors: [] });
    const phone = centre.core.ctx.database.sqlite.prepare('SELECT phone FROM training_attendees').get() as { phone: string };
    expect(phone.phone).toBe('13912345678');
  });
});
