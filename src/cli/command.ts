/** A command is a plain object: its name, usage, help and what it runs. */
export interface GlobalOptions {
  readonly home: string | null;
}

export interface Command {
  readonly name: string;
  readonly summary: string;
  readonly usage: string;
  readonly help: string;
  /** Runs the command; resolves to the exit code. */
  run(argv: readonly string[], global: GlobalOptions): Promise<number>;
}
