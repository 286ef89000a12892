import type { Command } from '../command.js';
import { parse } from '../args.js';
import { out, err, bold } from '../output.js';
import { errorMessage } from '../../core/errors.js';
import { plural } from '../../core/plural.js';
import type { Document } from '../../core/types.js';

function summary(d: Document): string {
  const lines = [
    bold(d.title || '(untitled)'),
    [d.publisher, d.published, d.authors.join(', ')].filter(Boolean).join(' · '),
    ...(d.pageCount !== undefined ? [[d.pageCount ? plural(d.pageCount, 'page') : null, d.footnotes?.length ? plural(d.footnotes.length, 'footnote') : null, d.needsPassword ? 'encrypted: needs a password' : null, d.needsOcr ? 'no text layer: needs OCR' : null].filter(Boolean).join(' · ')] : []),
    '',
    d.text.length > 600 ? `${d.text.slice(0, 600)}…` : d.text,
    '',
    `${plural(d.organisations.length, 'organisation')}: ${d.organisations.map((o) => o.name).join('; ')}`,
    `${plural(d.people.length, 'person', 'people')}: ${d.people.map((p) => p.name).join('; ')}`,
    `${plural(d.quotes.length, 'quote')}:`,
    ...d.quotes.map((q) => `  “${q.text.length > 100 ? `${q.text.slice(0, 100)}…` : q.text}” — ${q.speaker ?? 'unattributed'}${q.organisation ? ` (${q.organisation})` : ''} [${q.stance}${q.partial ? ', partial' : ''}]${q.page ? ` p. ${q.page}` : ''}`),
  ];
  return lines.join('\n');
}

export const extract: Command = {
  name: 'extract',
  summary: 'extract and analyse files without storing them',
  usage: 'ccg extract FILE... [--json | --jsonl]',
  help: `Reads .txt, .html/.htm and .pdf files (gzipped too) and prints each as a Document: title,
date, main text, organisations, people, quotes with speaker and stance (and, for a PDF, the page
of each paragraph and quote, and its footnotes). Nothing is stored.

A PDF is read up to 500 pages, for 60 seconds and in 1024 MB of heap at most (CCG_PDF_MAX_PAGES,
CCG_PDF_TIME_LIMIT in seconds, CCG_PDF_MEMORY_LIMIT in MB); an encrypted PDF or one without a text
layer gives its metadata, marked needsPassword or needsOcr.

  --json    one JSON array of documents
  --jsonl   one JSON object per input per line, with "input" set to the path as given;
            an unreadable input gives {"input": PATH, "error": "..."} and exit code 1
            after the rest are processed

Examples:
  ccg extract sources/local/001_938f1089b072b8bf.txt
  ccg extract --jsonl page.html.gz report.txt
  ccg extract report.pdf --json`,
  home: 'reads',
  async run(argv, global) {
    const [{ createContext }, { extractFile }] = await Promise.all([import('../../pipeline/context.js'), import('../../pipeline/extract-file.js')]);
    const { values, positionals } = parse('extract', argv, { json: { type: 'boolean' }, jsonl: { type: 'boolean' } }, { min: 1, name: 'FILE' });
    const ctx = createContext(global.home);
    let failed = 0;
    const docs: Document[] = [];
    for (const input of positionals) {
      try {
        const doc = await extractFile(ctx, input);
        if (values.jsonl) out(JSON.stringify({ input, ...doc }));
        else if (values.json) docs.push(doc);
        else out(`${summary(doc)}\n`);
      } catch (e) {
        failed++;
        if (values.jsonl) out(JSON.stringify({ input, error: errorMessage(e) }));
        else err(`ccg extract: ${errorMessage(e)}`);
      }
    }
    if (values.json) out(JSON.stringify(docs, null, 2));
    return failed ? 1 : 0;
  },
};
