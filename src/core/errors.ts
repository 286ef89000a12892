/**
 * Errors are classes with a stable `code`, a message that names the input and what is wrong,
 * and an optional `cause`. The CLI prints the message of a `CcgError` in one line and the stack
 * only for anything else (a bug).
 */
export class CcgError extends Error {
  readonly code: string;
  constructor(code: string, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
    this.code = code;
  }
}

/** Bad command-line usage: unknown command or flag, missing argument. Exit code 2. */
export class UsageError extends CcgError {
  constructor(message: string) {
    super('E_USAGE', message);
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

export function errorMessage(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
