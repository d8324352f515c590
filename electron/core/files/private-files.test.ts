import { chmodSync, existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { backupDatabase } from '../../../db/backup.ts';
import { addAttachment, exchangeNode, trustEachOther, type ExchangeNode } from '../../../tests/support/exchange.ts';

// Every local account of a shared UOS/Kylin PC could read 0644 files: the data
// folder is the user's alone. Checked on real files by their mode bits.

const nodes: ExchangeNode[] = [];
afterEach(() => nodes.splice(0).forEach((n) => n.cleanup()));

const posix = process.platform !== 'win32';
const mode = (file: string) => statSync(file).mode & 0o777;

function everything(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true }).map((e) => path.join(e.parentPath, e.name));
}

describe.runIf(posix)('the data folder is owner-only', () => {
  it('fixes the modes an earlier version left, and makes new files 0600', async () => {
    const office = await exchangeNode('district', '塘桥分局', 'seed-district-03');
    let bureau = await exchangeNode('bureau', '市局');
    nodes.push(office);
    await trustEachOther(office, bureau);
    await bureau.ok('files.stage', { name: '花名册.xlsx', contentBase64: Buffer.from('roster').toString('base64') });
    backupDatabase(bureau.core.ctx.database.sqlite, path.join(bureau.dir, 'backups'), 'test');
    const sha = addAttachment(bureau, Buffer.from('%PDF-1.4 evidence'), '佐证.pdf');

    // as versions before this one left them
    chmodSync(bureau.dir, 0o755);
    for (const file of everything(bureau.dir)) chmodSync(file, statSync(file).isDirectory() ? 0o755 : 0o644);
    expect(mode(bureau.file)).toBe(0o644);
    bureau.close();

    bureau = await exchangeNode('bureau', '市局', null, { file: bureau.file, dir: bureau.dir });
    nodes.push(bureau);
    expect(mode(bureau.dir)).toBe(0o700);
    for (const suffix of ['', '-wal', '-shm']) expect(mode(`${bureau.file}${suffix}`), suffix || 'database').toBe(0o600);
    const attachment = path.join(bureau.dir, 'attachments', sha.slice(0, 2), sha);
    expect(mode(attachment)).toBe(0o600);
    expect(mode(path.dirname(attachment))).toBe(0o700);
    for (const sub of ['backups', 'staging']) {
      for (const file of everything(path.join(bureau.dir, sub))) expect(mode(file), file).toBe(statSync(file).isDirectory() ? 0o700 : 0o600);
    }

    // new files: an upload, a backup, an imported attachment, an exported bundle
    const staged = await bureau.ok('files.stage', { name: '题库.xlsx', contentBase64: Buffer.from('bank').toString('base64') });
    expect(mode(path.join(bureau.dir, 'staging', staged.id))).toBe(0o600);
    expect(mode(backupDatabase(bureau.core.ctx.database.sqlite, path.join(bureau.dir, 'backups'), 'again'))).toBe(0o600);
    const scan = Buffer.concat([Buffer.from('%PDF-1.4 '), randomBytes(1000)]);
    const officeSha = addAttachment(office, scan, '登记证.pdf');
    const bundle = await office.ok('bundles.export', { outFile: path.join(office.dir, 'a.qklb') });
    expect(mode(bundle.file)).toBe(0o600);
    expect((await bureau.ok('bundles.import', { paths: [bundle.file] }))[0]!.status).toBe('imported');
    expect(mode(path.join(bureau.dir, 'attachments', officeSha.slice(0, 2), officeSha))).toBe(0o600);
    const down = await bureau.ok('bundles.export', { targetNodeId: office.id });
    expect(path.dirname(down.file)).toBe(path.join(bureau.dir, 'exchange', 'out'));
    expect(mode(down.file)).toBe(0o600);
    expect(mode(path.join(bureau.dir, 'exchange', 'out'))).toBe(0o700);
    // nothing in the whole folder is readable by others
    for (const file of everything(bureau.dir)) expect(mode(file) & 0o077, file).toBe(0);
    expect(existsSync(path.join(bureau.dir, 'work'))).toBe(true);
  });
});
