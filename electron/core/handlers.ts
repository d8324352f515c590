import type { CallName, CallOutput, ParsedInput } from '../api/contract.ts';
import type { CoreContext } from './context.ts';
import { listDistricts, saveDistrict } from './districts/district-service.ts';
import { getIdentity, initNode } from './node/node-service.ts';
import { getStats } from './stats/stats-service.ts';
import { createUnit, deleteUnit, getUnit, updateUnit } from './units/unit-service.ts';
import { queryUnits } from './units/unit-query.ts';
import { schemaVersion } from './schema-version.ts';

export type Handler<K extends CallName> = (ctx: CoreContext, input: ParsedInput<K>) => CallOutput<K> | Promise<CallOutput<K>>;
export type Handlers = { [K in CallName]: Handler<K> };

// `satisfies` makes a call in the contract without a handler here a type error.
export const handlers = {
  'app.info': (ctx) => ({
    appVersion: ctx.appVersion,
    schemaVersion: schemaVersion(ctx),
    host: ctx.host,
    databaseFile: ctx.database.file,
  }),
  'node.get': (ctx) => getIdentity(ctx),
  'node.init': initNode,
  'districts.list': listDistricts,
  'districts.save': saveDistrict,
  'units.query': queryUnits,
  'units.get': (ctx, input) => getUnit(ctx, input.id),
  'units.create': createUnit,
  'units.update': updateUnit,
  'units.delete': deleteUnit,
  'stats.get': getStats,
} satisfies Handlers;
