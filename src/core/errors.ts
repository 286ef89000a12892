/**
 * Errors are classes with a stable `code`, a message that names the input and what is wrong,
 * and an optional `cause`. The CLI prints the message of a `CcgError` in one line and the stack
 * only for anything else (a bug).
 */
export class CcgError extends Error {
  readonly code: string;
  constructor(code: string, message: string, options?: { cause?: unknown }) {
    // One line, always: a line break quoted from an input (a parser's excerpt of a file) is shown as \n.
    super(message.replace(/\r?\n/g, '\\n'), options);
    this.name = new.target.name;
    this.code = code;
  }
}

/** Bad command-line usage: unknown command or flag, missing argument. Exit code 2. */
export class UsageError extends CcgError {
  /** Whether the command's usage line helps (an unknown option, a missing argument); a bad value is said in one line. */
  readonly showUsage: boolean;
  constructor(message: string, options: { showUsage?: boolean } = {}) {
    super('E_USAGE', message);
    this.showUsage = options.showUsage ?? false;
  }
}

/** An input file that cannot be read or decoded. */
export class InputError extends CcgError {
  readonly input: string;
  constructor(input: string, message: string, options?: { cause?: unknown }) {
    super('E_INPUT', `${input}: ${message}`, options);
    this.input = input;
  }
}

/** A stored file (corpus record, index) that is corrupt or of a version this build does not know. */
export class FormatError extends CcgError {
  readonly file: string;
  constructor(file: string, message: string, options?: { cause?: unknown }) {
    super('E_FORMAT', `${file}: ${message}`, options);
    this.file = file;
  }
}

/** Reference data (organisations, registry, topics) that fails validation. */
export class ValidationError extends CcgError {
  readonly file: string;
  constructor(file: string, field: string, problem: string) {
    super('E_INVALID', `${file}: ${field}: ${problem}`);
    this.file = file;
  }
}


/** What a file-system error code means for a user, and what to do about it. */
interface FsErrorText {
  readonly reason: string;
  readonly advice: string;
}

/**
 * File-system error codes as a user reads them. Data, not code: a code missing here falls back to
 * Node's own wording, still in one line.
 */
export const FS_ERRORS: Readonly<Record<string, FsErrorText>> = {
  EACCES: { reason: 'permission denied', advice: "check the folder's permissions or choose another --home" },
  EPERM: { reason: 'operation not permitted', advice: "check the folder's permissions or choose another --home" },
  EROFS: { reason: 'the file system is read-only', advice: 'mount it read-write or choose another --home' },
  ENOSPC: { reason: 'no space left on the device', advice: 'free some space and run the command again (what was stored before is unchanged)' },
  EDQUOT: { reason: 'disk quota exceeded', advice: 'free some space or raise the quota, then run the command again (what was stored before is unchanged)' },
  EFBIG: { reason: 'file too large (the file system or a file-size limit such as ulimit -f)', advice: 'raise the limit or choose another --home, then run the command again' },
  ENOTDIR: { reason: 'a part of the path is a file, not a folder', advice: 'move that file out of the way or choose another --home' },
  EISDIR: { reason: 'it is a folder, not a file', advice: 'move that folder out of the way' },
  EEXIST: { reason: 'it already exists', advice: 'move it out of the way and run the command again' },
  ENOENT: { reason: 'no such file or folder', advice: 'check the path' },
  EMFILE: { reason: 'too many open files', advice: 'raise the limit (ulimit -n) and run the command again' },
  ENFILE: { reason: 'too many open files on the system', advice: 'close some programs and run the command again' },
  ENAMETOOLONG: { reason: 'the path is too long', advice: 'choose a shorter --home' },
  ELOOP: { reason: 'too many symbolic links (a link that points to itself?)', advice: 'fix the symbolic links on the path' },
  EIO: { reason: 'input/output error from the device', advice: 'check the disk (dmesg, fsck) and run the command again' },
  EBUSY: { reason: 'the file or device is busy', advice: 'close what uses it and run the command again' },
  ETXTBSY: { reason: 'the file is busy', advice: 'close what uses it and run the command again' },
  EXDEV: { reason: 'a temporary file and its target are on different devices', advice: 'keep the archive folder on one file system' },
};

/** A Node system error: an errno code such as ENOSPC, and usually the path and system call. */
export interface SystemError extends Error {
  readonly code: string;
  readonly path?: string;
  readonly dest?: string;
  readonly syscall?: string;
  readonly errno?: number;
}

/**
 * A file-system error from Node: a code of the table above, or any errno code with the path it
 * concerns. Network errors (ECONNRESET on a socket's read, EPIPE) have no path and are left alone.
 */
export function isFileSystemError(e: unknown): e is SystemError {
  if (!(e instanceof Error) || e instanceof CcgError) return false;
  const { code, errno, syscall, path } = e as Partial<SystemError>;
  if (typeof code !== 'string' || !/^E[A-Z0-9]+$/.test(code) || (typeof errno !== 'number' && typeof syscall !== 'string')) return false;
  return code in FS_ERRORS || typeof path === 'string';
}

/** What the user was doing, by system call ("cannot write …", "cannot read …"). */
const ACTION_OF_SYSCALL: Readonly<Record<string, string>> = {
  open: 'open', read: 'read', write: 'write', mkdir: 'create the folder', scandir: 'list the folder',
  opendir: 'list the folder', rename: 'write', unlink: 'remove', rmdir: 'remove', fsync: 'write',
  stat: 'read', lstat: 'read', access: 'read', copyfile: 'copy', readlink: 'read', close: 'write',
};

/**
 * A file or folder of the archive (or an input) that cannot be read or written: a permission, a
 * full disk, a read-only file system, a file where a folder should be. Names the path, the reason
 * in plain English and what to do; `fsCode` keeps the system's code (ENOSPC, EACCES…).
 */
export class StorageError extends CcgError {
  readonly path: string | null;
  readonly fsCode: string;
  readonly action: string;
  constructor(action: string, path: string | null, fsCode: string, options?: { cause?: unknown; detail?: string }) {
    const text = FS_ERRORS[fsCode];
    const reason = text?.reason ?? options?.detail ?? fsCode;
    const what = path ?? 'a file of the archive (the system did not say which)';
    super('E_STORAGE', `cannot ${action} ${what}: ${reason}${text ? `; ${text.advice}` : ` (${fsCode})`}`, options);
    this.path = path;
    this.fsCode = fsCode;
    this.action = action;
  }
}

/**
 * A file-system error as a StorageError naming `path` (or the error's own path) and what was being
 * done; anything else is returned as it is (a bug stays a bug).
 */
export function toStorageError(e: unknown, action?: string, path?: string): unknown {
  if (!isFileSystemError(e)) return e;
  const act = action ?? ACTION_OF_SYSCALL[e.syscall ?? ''] ?? 'use';
  const detail = e.message.replace(/^[A-Z0-9]+: /, '').replace(/, \w+( '.*')?$/, '');
  return new StorageError(act, path ?? e.path ?? null, e.code, { cause: e, detail });
}

/** An error's message in one line; a file-system error reads as a StorageError's (path, reason, advice). */
export function errorMessage(err: unknown): string {
  const e = toStorageError(err);
  return e instanceof Error ? e.message : String(e);
}
