import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

// What a release needs that the repository does not know: the bureau's update
// server and the name on its code-signing certificate. The release step writes
// release-config.json (beside package.json, never committed; release-config.example.json
// shows the form) or points QKL_RELEASE_CONFIG at one; electron-builder.config.ts
// refuses to package without it.

const placeholder = /example|待定|placeholder|changeme/i;

export const ReleaseConfig = z
  .object({
    /** the intranet update server: latest.yml and the installers are published there */
    updateUrl: z.string().url('updateUrl 不是有效的网址'),
    /** hosts whose updates may come over plain http (no certificate on the intranet server); empty = https only */
    allowHttpHosts: z.array(z.string().min(1)).default([]),
    /** the exact subject (CN) of the Windows code-signing certificate: updates must carry it */
    windowsPublisherName: z.string().min(1, '缺少 windowsPublisherName（代码签名证书的主体名称）'),
    /** the Debian package's maintainer line, e.g. 张家港市市场监督管理局信息科 <xxk@zjg.gov.cn> */
    linuxMaintainer: z.string().regex(/^.+ <[^@\s]+@[^@\s>]+>$/, 'linuxMaintainer 应为“名称 <邮箱>”'),
  })
  .superRefine((config, ctx) => {
    const url = new URL(config.updateUrl);
    if (url.protocol !== 'https:' && !(url.protocol === 'http:' && config.allowHttpHosts.includes(url.hostname))) {
      ctx.addIssue({ code: 'custom', path: ['updateUrl'], message: `更新服务器应使用 https；若只能用 http，请把 ${url.hostname} 写入 allowHttpHosts` });
    }
    if (!url.pathname.endsWith('/')) ctx.addIssue({ code: 'custom', path: ['updateUrl'], message: 'updateUrl 应以 / 结尾（latest.yml 所在的目录）' });
  });
export type ReleaseConfig = z.infer<typeof ReleaseConfig>;

/** Checks a release config; `forRelease` also refuses the example's placeholder values. */
export function parseReleaseConfig(raw: unknown, forRelease: boolean): ReleaseConfig {
  const config = ReleaseConfig.parse(raw);
  if (forRelease) {
    for (const [field, value] of Object.entries({ updateUrl: config.updateUrl, windowsPublisherName: config.windowsPublisherName, linuxMaintainer: config.linuxMaintainer })) {
      if (placeholder.test(value)) throw new Error(`release config: ${field} 仍是示例值（${value}），请填写正式值`);
    }
  }
  return config;
}

export const exampleReleaseConfigFile = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'release-config.example.json');

/** The release config of this release: QKL_RELEASE_CONFIG, else release-config.json beside package.json. */
export function loadReleaseConfig(projectDir: string, env = process.env): ReleaseConfig {
  const file = env['QKL_RELEASE_CONFIG'] ? path.resolve(env['QKL_RELEASE_CONFIG']) : path.join(projectDir, 'release-config.json');
  if (!existsSync(file)) {
    throw new Error(`找不到发布配置 ${file}。打包前请按 release-config.example.json 写好 release-config.json（更新服务器地址、代码签名证书的发布者名称），或用 QKL_RELEASE_CONFIG 指向它。`);
  }
  return parseReleaseConfig(JSON.parse(readFileSync(file, 'utf8')), true);
}
