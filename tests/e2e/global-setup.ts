import { buildE2eTools } from './support/build-tools.ts';
import { repoRoot } from './support/tools.ts';

// Once per run, before any worker starts: the CLI, the browser host, its core thread
// and the helper scripts, bundled for plain node (support/build-tools.ts says why).
export default async function globalSetup(): Promise<void> {
  await buildE2eTools(repoRoot);
}
