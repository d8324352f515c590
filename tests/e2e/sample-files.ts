/** A 1×1 PNG: the smallest file the attachment intake accepts as an image (its signature is checked). */
export const tinyPng = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000a49444154789c6300010000050001', 'hex');
