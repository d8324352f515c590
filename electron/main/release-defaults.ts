import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseSettings, type ShellSettings } from './settings.ts';

// The update server the release was built for: written into the packaged package.json
// (field qklRelease, from release-config.json by electron-builder.config.ts), so a
// fresh installation checks the bureau's server without any settings file. An
// administrator's data/settings.json overrides it per installation.

export function readReleaseDefaults(appPath: string): ShellSettings {
  try {
    const pkg = JSON.parse(readFileSync(path.join(appPath, 'package.json'), 'utf8')) as { qklRelease?: unknown };
    return parseSettings(pkg.qklRelease);
  } catch {
    return parseSettings(null);
  }
}

/** settings.json wins where it says something; the hosts allowed over http are those of both. */
export function effectiveUpdateSettings(release: ShellSettings, local: ShellSettings): ShellSettings {
  return {
    updateUrl: local.updateUrl ?? release.updateUrl,
    allowHttpHosts: [...new Set([...release.allowHttpHosts, ...local.allowHttpHosts])],
  };
}
