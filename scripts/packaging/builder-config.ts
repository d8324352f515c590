import type { Configuration } from 'electron-builder';
import type { ReleaseConfig } from './release-config.ts';

// Packaging of QKL Desk (electron-builder 26), as a function of the release config
// (release-config.ts): the same object electron-builder gets (electron-builder.config.ts)
// and scripts/check-packaging.ts checks.
//
// Packaging downloads the Electron zip and rebuilds better-sqlite3 for Electron's ABI
// (npmRebuild), so it must run on a machine with internet access and a C++ toolchain
// (Windows: Visual Studio Build Tools; cross-building the Windows installer on Linux
// does not rebuild native modules). It cannot run on the offline development machines:
// there, `npm run build`, `npm run check:packaging` and the tests are the checks. Never
// run it where a failed rebuild could delete the development copy of better-sqlite3.
//
//   npm run dist -- --win --x64
//   npm run dist -- --linux

/** What the packaged app loads at run time, from the app's own files (app.asar). */
export const runtimeAppFiles = [
  'package.json',
  // the main process: window, menu, dialogs (electron/main)
  'dist/electron/main.cjs',
  // the sandboxed preload (electron/preload)
  'dist/electron/preload.cjs',
  // the core process, forked by main.cjs from its own folder (electron/core-host/utility-main.ts)
  'dist/electron/core-process.cjs',
  // the core's threads, started by core-process.cjs from the same folder (electron/core-host/worker-main.ts)
  'dist/electron/core-worker.cjs',
  // the built UI, served as app:// from dist/renderer
  'dist/renderer/index.html',
] as const;

export const MIGRATIONS_RESOURCE = 'migrations';

export function builderConfig(release: ReleaseConfig): Configuration {
  return {
    appId: 'cn.gov.zjg.qkldesk',
    productName: '区块链监管工作台',
    // ASCII file names: installers travel through intranet file servers and USB sticks
    executableName: 'qkl-desk',
    artifactName: 'qkl-desk-${version}-${os}-${arch}.${ext}',
    directories: { output: 'release', buildResources: 'resources' },

    // What goes into app.asar: the four bundles, the built UI and package.json ("main").
    // Production node_modules are added by electron-builder; only better-sqlite3 is
    // loaded from there at run time (by the core's threads), everything else is bundled.
    files: ['package.json', 'dist/electron/**', 'dist/renderer/**', '!**/*.map'],
    asar: true,
    // the native addon must be a real file on disk to be loaded
    asarUnpack: ['**/*.node'],
    extraResources: [
      // read by the migration runner at start: process.resourcesPath/migrations
      { from: 'db/migrations', to: MIGRATIONS_RESOURCE, filter: ['*.sql', 'meta/_journal.json'] },
      { from: 'resources', to: 'resources', filter: ['icon.png'] },
    ],
    // the update server the release was built for, read by the main process (release-defaults.ts)
    extraMetadata: { qklRelease: { updateUrl: release.updateUrl, allowHttpHosts: release.allowHttpHosts } },
    npmRebuild: true,

    // a double-click on a .qklb starts the app (or hands the file to the running one)
    fileAssociations: [{ ext: 'qklb', name: '区块链监管数据包', description: '区块链监管数据包', mimeType: 'application/x-qkl-bundle', role: 'Editor' }],

    // Electron fuses, flipped in the binary at package time.
    electronFuses: {
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      // the UI is served from app://, so file:// pages need no extra power
      grantFileProtocolExtraPrivileges: false,
      loadBrowserProcessSpecificV8Snapshot: false,
    },

    // what electron-builder writes into latest.yml and app-update.yml
    publish: [{ provider: 'generic', url: release.updateUrl, channel: 'latest' }],

    win: {
      icon: 'resources/icon.png',
      target: [{ target: 'nsis', arch: ['x64'] }],
      // also written into app-update.yml: an update's installer must be signed by this publisher
      signtoolOptions: { publisherName: [release.windowsPublisherName] },
    },
    nsis: {
      oneClick: false,
      allowToChangeInstallationDirectory: true,
      // Simplified Chinese installer (LCID 2052)
      language: '2052',
      installerLanguages: ['zh_CN'],
      multiLanguageInstaller: false,
      createDesktopShortcut: true,
      createStartMenuShortcut: true,
      shortcutName: '区块链监管工作台',
      // the database lives in the user's data folder; uninstalling must never delete it
      deleteAppDataOnUninstall: false,
    },
    linux: {
      icon: 'resources/icon.png',
      category: 'Office',
      synopsis: '特种设备“区、块、链”监管工作台',
      maintainer: release.linuxMaintainer,
      // UOS and Kylin run on x64 and on arm64 (Kunpeng, Phytium)
      target: [
        { target: 'deb', arch: ['x64', 'arm64'] },
        { target: 'AppImage', arch: ['x64', 'arm64'] },
      ],
    },
  };
}
