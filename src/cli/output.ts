/** Writing to stdout and stderr, with colour only on a terminal that wants it. */
export const useColour = (stream: NodeJS.WriteStream): boolean => Boolean(stream.isTTY) && !process.env.NO_COLOR;

export const bold = (s: string, on = useColour(process.stdout)): string => (on ? `\x1b[1m${s}\x1b[22m` : s);
export const dim = (s: string, on = useColour(process.stdout)): string => (on ? `\x1b[2m${s}\x1b[22m` : s);

export function out(line = ''): void {
  process.stdout.write(`${line}\n`);
}

export function err(line: string): void {
  process.stderr.write(`${line}\n`);
}
