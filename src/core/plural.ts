/** "1 item", "2 items", "1 organisation"; an irregular plural is passed in ("1 query", "2 queries"). */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}
