// Lint with the process boundaries (docs/ARCHITECTURE.md, "Processes"): what each folder may import.
import tseslint from 'typescript-eslint';

const nodeBuiltins = ['node:*', 'fs', 'fs/*', 'path', 'os', 'child_process', 'crypto', 'http', 'https', 'net', 'url', 'util', 'stream', 'worker_threads'];

export default tseslint.config(
  { ignores: ['node_modules/**', 'dist/**', 'release/**', 'test-results/**', 'playwright-report/**', 'db/migrations/**'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      'no-restricted-syntax': ['error', { selector: "CallExpression[callee.property.name='only']", message: 'no focused tests' }],
    },
  },
  {
    // The renderer talks only to window.qkl: no Electron, no Node, no database, the contract by type only.
    files: ['renderer/**/*.{ts,tsx}'],
    ignores: ['renderer/vite.config.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: 'the renderer talks only to window.qkl' }],
          patterns: [
            { group: nodeBuiltins, message: 'no Node built-ins in the renderer' },
            { group: ['better-sqlite3', 'drizzle-orm', 'drizzle-orm/*', '**/db/**', '**/electron/core/**', '**/electron/main/**', '**/electron/preload/**', '**/electron/cli/**'], message: 'the renderer may not reach the core or the database' },
            // the synced tables' labels are plain data the renderer shows as they are: one list, no copy
            { group: ['**/electron/api/**', '!**/electron/api/sync-table-labels.ts'], allowTypeImports: true, message: 'import the contract with `import type` only' },
          ],
        },
      ],
    },
  },
  {
    // The domain core, the database layer, the contract, the CLI, the core's host (shared by the
    // browser host and Electron's core process) and the browser host never load Electron.
    files: ['electron/core/**/*.ts', 'electron/core-host/**/*.ts', 'electron/api/**/*.ts', 'electron/cli/**/*.ts', 'db/**/*.ts', 'scripts/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: 'the core runs without Electron (CLI, browser host, tests)' }],
          patterns: [{ group: ['**/electron/main/index*', '**/electron/preload/**', '**/renderer/**'], message: 'the core does not depend on a host' }],
        },
      ],
    },
  },
  {
    // The database layer sits below the contract: it shares the errors (electron/shared), never the contract's schemas.
    files: ['db/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: 'the core runs without Electron (CLI, browser host, tests)' }],
          patterns: [
            { group: ['**/electron/main/index*', '**/electron/preload/**', '**/renderer/**'], message: 'the core does not depend on a host' },
            { group: ['**/electron/api/**'], message: 'the database layer does not import the contract: shared types and errors live in electron/shared or db' },
          ],
        },
      ],
    },
  },
  {
    // Only the preload touches contextBridge / ipcRenderer.
    files: ['electron/main/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        { paths: [{ name: 'electron', importNames: ['contextBridge', 'ipcRenderer'], message: 'only the preload uses contextBridge/ipcRenderer' }] },
      ],
    },
  },
  {
    files: ['electron/api/**/*.ts', 'electron/shared/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: ['electron', 'better-sqlite3'],
          patterns: [{ group: [...nodeBuiltins, '**/db/**', '**/electron/core/**'], message: 'the contract is pure: zod schemas and types only' }],
        },
      ],
    },
  },
);
