import path from 'node:path';
import ExcelJS from 'exceljs';
import { cli, TRAINING_PASSPHRASE, type Workspace } from '../fixtures.ts';

// A training centre as it stands before an exam: the safety managers it received (a
// ledger with units and their A certificates, imported with qkl import-ledger), a
// session and its roster. Made through the CLI, the same core the page talks to.

export interface Person {
  name: string;
  idNumber: string | null;
  unit: string;
  uscc: string;
  /** 有效期至 of the A certificate in the ledger; none: not in the ledger */
  aValidUntil?: string;
}

export const zhang: Person = { name: '张建国', idNumber: '11010519491231002X', unit: '张家港市塘桥机械有限公司', uscc: '91320582MA1XXXXX1E', aValidUntil: '2035-12-31' };
export const li: Person = { name: '李秀英', idNumber: null, unit: '张家港市锦丰物业管理有限公司', uscc: '91320582MA1XXXXX2C' };

async function writeLedger(file: string, people: Person[]): Promise<void> {
  const book = new ExcelJS.Workbook();
  const equipment = book.addWorksheet('设备台账');
  equipment.addRow(['所属分局', '使用单位名称', '统一社会信用代码', '使用单位地址', '设备种类', '设备代码', '设备状态', '下次检验日期']);
  const managers = book.addWorksheet('安全管理人员');
  managers.addRow(['使用单位名称', '统一社会信用代码', '姓名', '身份证号', '作业项目', '证书编号', '发证日期', '有效期至']);
  people.forEach((p, i) => {
    equipment.addRow(['塘桥', p.unit, p.uscc, `张家港市塘桥镇人民路 ${i + 1} 号`, '电梯', `3110320582201900000${i + 1}`, '在用', '2027-06-01']);
    managers.addRow([p.unit, p.uscc, p.name, p.idNumber, 'A', `TS32058200${i + 1}`, '2024-05-01', p.aValidUntil]);
  });
  await book.xlsx.writeFile(file);
}

async function writeRoster(file: string, people: Person[]): Promise<void> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('名单');
  sheet.addRow(['姓名', '身份证号', '使用单位名称']);
  people.forEach((p) => sheet.addRow([p.name, p.idNumber, p.unit]));
  await book.xlsx.writeFile(file);
}

const call = async <T>(workspace: Workspace, name: string, input: unknown): Promise<T> =>
  JSON.parse(await cli(['call', name, '--db', workspace.databaseFile, '--input', JSON.stringify(input)], { QKL_PASSPHRASE: TRAINING_PASSPHRASE })) as T;

/** The ledger of those holding an A certificate, a session, and its roster of everyone given; returns the session's id. */
export async function centreWithRoster(workspace: Workspace, title: string, people: Person[]): Promise<string> {
  const ledger = path.join(workspace.dir, '安全管理人员台账.xlsx');
  await writeLedger(ledger, people.filter((p) => p.aValidUntil));
  await cli(['import-ledger', '--db', workspace.databaseFile, ledger, '--json']);
  const session = await call<{ id: string }>(workspace, 'training.saveSession', { title, startDate: '2026-11-20', endDate: '2026-11-21', place: '市局三楼会议室' });
  const roster = path.join(workspace.dir, '培训名单.xlsx');
  await writeRoster(roster, people);
  await call(workspace, 'training.importRoster', { sessionId: session.id, source: { kind: 'path', path: roster } });
  return session.id;
}

export { call as trainingCall };
