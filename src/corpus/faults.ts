/**
 * Injected write faults, for tests only: CCG_FAULT makes writeFileAtomic fail as a full disk, a
 * read-only file system or a permission error would, so that tests can prove a failed write leaves
 * nothing half-written and the previous state intact. Unset (always, outside tests), it costs one
 * check per write.
 *
 *   CCG_FAULT=CODE[:after=N][:at=STEP][:match=TEXT]
 *
 * CODE is a system error code (ENOSPC, EACCES, EROFS, EIO…), or BUG for an error that is not one
 * (a plain TypeError, as a bug in ccg would throw). The first N atomic writes of the
 * process (those whose path contains TEXT, when given) succeed and every later one fails at STEP:
 * `mkdir`, `open`, `write` (the default: half of the data reaches the temporary file first, as when
 * a disk fills up mid-file), `sync` or `rename`.
 */
export const FAULT_STEPS = ['mkdir', 'open', 'write', 'sync', 'rename'] as const;
export type FaultStep = (typeof FAULT_STEPS)[number];

export interface Fault {
  readonly code: string;
  readonly after: number;
  readonly at: FaultStep;
  readonly match: string | null;
}

/** Parses a CCG_FAULT value; a malformed one throws, so that a test cannot silently inject nothing. */
export function parseFault(spec: string): Fault {
  const [code = '', ...opts] = spec.split(':');
  if (!/^E[A-Z0-9]+$/.test(code) && code !== 'BUG') throw new Error(`CCG_FAULT: "${code}" is not a system error code such as ENOSPC`);
  let after = 0;
  let at: FaultStep = 'write';
  let match: string | null = null;
  for (const o of opts) {
    const [k, v = ''] = o.split('=');
    if (k === 'after' && /^\d+$/.test(v)) after = Number(v);
    else if (k === 'at' && (FAULT_STEPS as readonly string[]).includes(v)) at = v as FaultStep;
    else if (k === 'match' && v) match = v;
    else throw new Error(`CCG_FAULT: cannot read "${o}" (expected after=N, at=${FAULT_STEPS.join('|')} or match=TEXT)`);
  }
  return { code, after, at, match };
}

let plan: Fault | null | undefined;
let writes = 0;

/** The fault this write must suffer, if any (counts the write). */
export function faultFor(path: string): Fault | null {
  if (plan === undefined) plan = process.env.CCG_FAULT ? parseFault(process.env.CCG_FAULT) : null;
  if (!plan || (plan.match && !path.includes(plan.match))) return null;
  return ++writes > plan.after ? plan : null;
}

/** An error shaped like the one Node gives for `code` at `syscall` on `path`. */
export function faultError(fault: Fault, syscall: string, path: string): Error {
  if (fault.code === 'BUG') return new TypeError(`injected bug (CCG_FAULT=BUG) at ${syscall} of ${path}`);
  const e = new Error(`${fault.code}: injected fault (CCG_FAULT), ${syscall} '${path}'`) as NodeJS.ErrnoException;
  e.code = fault.code;
  e.errno = -1;
  e.syscall = syscall;
  e.path = path;
  return e;
}
