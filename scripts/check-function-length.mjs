#!/usr/bin/env node
// Lists the functions longer than a limit (default 80 lines) in the TypeScript files of a folder,
// longest first; exit code 1 when there is one, so that it can guard a folder in CI.
//
//   node scripts/check-function-length.mjs src/analyse [--max 80]
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';

const argv = process.argv.slice(2);
const dir = argv.find((a, i) => !a.startsWith('--') && argv[i - 1] !== '--max') ?? 'src';
const maxAt = argv.indexOf('--max');
const max = maxAt >= 0 ? Number(argv[maxAt + 1]) : 80;

function files(d) {
  return readdirSync(d).flatMap((n) => {
    const p = join(d, n);
    return statSync(p).isDirectory() ? files(p) : p.endsWith('.ts') ? [p] : [];
  });
}

const long = [];
for (const file of files(dir)) {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const visit = (node) => {
    if (ts.isFunctionLike(node) && 'body' in node && node.body) {
      const from = source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1;
      const to = source.getLineAndCharacterOfPosition(node.getEnd()).line + 1;
      const name = node.name?.getText(source) ?? (ts.isVariableDeclaration(node.parent) ? node.parent.name.getText(source) : '(anonymous)');
      if (to - from + 1 > max) long.push({ file, from, lines: to - from + 1, name });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
}
long.sort((a, b) => b.lines - a.lines);
for (const f of long) console.log(`${f.file}:${f.from} ${f.name}: ${f.lines} lines`);
console.log(long.length ? `${long.length} function(s) over ${max} lines` : `no function over ${max} lines in ${dir}`);
process.exit(long.length ? 1 : 0);
