import path from 'node:path';
import { parseArgs } from 'node:util';
import { openCore } from '../../electron/core/open-core.ts';
import { chooseOperatorByName } from '../../electron/core/people/staff-service.ts';
import { defaultDatabaseFile } from './default-database.ts';
import { startWebHost } from './server.ts';

// `npm start` / `npm run start:web`: the real UI on the real core in any browser,
// for development and tests where Electron cannot run. Never packaged.
const { values } = parseArgs({
  options: {
    db: { type: 'string' },
    port: { type: 'string', default: '4780' },
    root: { type: 'string', default: 'dist/renderer' },
    'print-json': { type: 'boolean' },
    /** the 经办人 chosen at start (a person on the staff list), as QKL_OPERATOR does; else the page asks */
    operator: { type: 'string' },
  },
});

const file = path.resolve(values.db ?? defaultDatabaseFile());
let core;
try {
  core = openCore({ file, host: 'web', onInternalError: (name, error) => console.error(`[${name}]`, error) });
} catch (error) {
  console.error(`错误：${(error as Error).message}`);
  process.exit(1);
}
const operator = (values.operator ?? process.env['QKL_OPERATOR'])?.trim();
if (operator && !chooseOperatorByName(core.ctx, operator)) console.error(`提示：经办人员名单中没有在用的“${operator}”，请在页面上选择经办人。`);
const host = await startWebHost({ core, rootDir: path.resolve(values.root), port: Number(values.port) });

if (values['print-json']) {
  console.log(JSON.stringify({ url: host.url, openUrl: host.openUrl, token: host.token, databaseFile: file }));
} else {
  console.log(`区块链监管工作台（浏览器模式）已启动\n  数据库：${file}\n  请在浏览器中打开：${host.openUrl}\n  按 Ctrl+C 停止。`);
}

const stop = async () => {
  await host.close();
  core.close();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
