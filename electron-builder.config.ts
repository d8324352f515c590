// electron-builder's configuration (npm run dist): the packaging settings of
// scripts/packaging/builder-config.ts with this release's update server and code-signing
// publisher from release-config.json (see scripts/packaging/release-config.ts and README).
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { builderConfig } from './scripts/packaging/builder-config.ts';
import { loadReleaseConfig } from './scripts/packaging/release-config.ts';

export default builderConfig(loadReleaseConfig(path.dirname(fileURLToPath(import.meta.url))));
