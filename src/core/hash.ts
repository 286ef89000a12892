import { createHash } from 'node:crypto';

/** The sha256 of text or bytes, in hex: snapshot names, document ids, state file names. */
export const sha256 = (data: string | Uint8Array): string => createHash('sha256').update(data).digest('hex');
