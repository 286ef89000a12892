/** A command is a plain object: its name, usage, help and what it runs. */
export interface GlobalOptions {
  readonly home: string | null;
}

/**
 * How a command uses the archive folder: `reads` needs it to exist (a mistyped --home is an
 * error), `creates` makes it when missing (and says so), `none` does not need it.
 */
export type HomeUse = 'reads' | 'creates' | 'none';

export interface Command {
  readonly name: string;
  readonly summary: string;
  readonly usage: string;
  readonly help: string;
  /** The command's use of the archive folder; a function when it depends on a subcommand. */
  readonly home: HomeUse | ((argv: readonly string[]) => HomeUse);
  /** Runs the command; resolves to the exit code. */
  run(argv: readonly string[], global: GlobalOptions): Promise<number>;
}
