import type { keyCalls } from '../../api/calls/keys.ts';
import type { HandlerGroup } from '../handler-types.ts';
import { createNodeKeys } from './keys.ts';
import { exportPublicFile, keysStatus, recoverySheet, rotateNodeKeys } from './node-keys.ts';
import { changePassphrase } from './passphrase-change.ts';
import { getKeySessionSettings, updateKeySessionSettings } from './session-settings.ts';
import { inspectPublicIdentity, listTrusted, revokeTrusted, trustPublicIdentity } from './trust-service.ts';

export const keyHandlers: HandlerGroup<keyof typeof keyCalls> = {
  'keys.status': (ctx) => keysStatus(ctx),
  'keys.create': async (ctx, input) => {
    await createNodeKeys(ctx, input.passphrase);
    return keysStatus(ctx);
  },
  'keys.exportPublic': (ctx) => exportPublicFile(ctx),
  'keys.inspect': (ctx, input) => inspectPublicIdentity(ctx, input.content),
  'keys.trust': (ctx, input) => trustPublicIdentity(ctx, input),
  'keys.trusted': (ctx) => listTrusted(ctx),
  'keys.revoke': (ctx, input) => revokeTrusted(ctx, input),
  'keys.rotate': (ctx, input) => rotateNodeKeys(ctx, input),
  'keys.changePassphrase': (ctx, input) => changePassphrase(ctx, input),
  'keys.sessionSettings': (ctx) => getKeySessionSettings(ctx),
  'keys.updateSessionSettings': (ctx, input) => updateKeySessionSettings(ctx, input),
  'keys.recoverySheet': (ctx, input) => recoverySheet(ctx, input.passphrase),
};
