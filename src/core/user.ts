/** Who runs ccg, for provenance ("ccg add (alice)", "ccg remove (alice)"). */
import { userInfo } from 'node:os';

export function userName(): string {
  try {
    return userInfo().username;
  } catch {
    return 'unknown';
  }
}
