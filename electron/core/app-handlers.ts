import type { appCalls } from '../api/calls/app.ts';
import type { statsCalls } from '../api/calls/stats.ts';
import type { HandlerGroup } from './handler-types.ts';
import { schemaVersion } from './schema-version.ts';
import { getStats } from './stats/stats-service.ts';

export const appHandlers: HandlerGroup<keyof typeof appCalls | keyof typeof statsCalls> = {
  'app.info': (ctx) => ({
    appVersion: ctx.appVersion,
    schemaVersion: schemaVersion(ctx),
    host: ctx.host,
    databaseFile: ctx.database.file,
  }),
  'stats.get': getStats,
};
