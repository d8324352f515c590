import { hrefFor } from '../../router/hash-router.ts';

/** 密钥与信任: where keys are made and the other side's public key is trusted. */
export const keysHref = hrefFor('keys');
