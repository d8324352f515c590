import { districtCore } from '../../tests/support/core.ts';
const t = await districtCore();
const s = performance.now();
await t.ok('ledger.preview', { source: { kind: 'path', path: '/tmp/exp/ledger.xlsx' } });
console.log('preview', Math.round(performance.now() - s));
t.cleanup();
