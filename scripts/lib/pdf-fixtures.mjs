// Fixture PDFs, made with pdfkit at test (or benchmark) time, never downloaded: each is the bytes
// of a PDF whose layout exercises one part of the PDF extractor (src/extract/pdf). Deterministic:
// fixed dates and ids, so the same bytes every run. Used by test/extract-pdf.test.ts and
// scripts/bench-pdf.mjs.
import PDFDocument from 'pdfkit';
import { rng } from './rng.mjs';

const A4 = [595.28, 841.89];
const FIXED_DATE = new Date('2014-03-12T09:00:00Z');

/** A pdfkit document whose bytes are collected; `finish()` resolves to them. */
function start(options = {}) {
  const { info = {}, keepCreationDate = false, ...rest } = options;
  const doc = new PDFDocument({ size: A4, margin: 0, autoFirstPage: false, info: { CreationDate: FIXED_DATE, ModDate: FIXED_DATE, ...info }, ...rest });
  // pdfkit writes the date it is run on unless told otherwise: golden files need fixed bytes.
  if (!keepCreationDate && !info.CreationDate) {
    delete doc.info.CreationDate;
    delete doc.info.ModDate;
    // pdfkit's XMP packet (PDF 1.4 and later) needs the date; files of version 1.3 have none.
    doc._addInfo = () => {};
  }
  doc.info.Producer = 'ccg-archive test fixtures';
  doc.info.Creator = 'pdfkit';
  const chunks = [];
  doc.on('data', (c) => chunks.push(c));
  const done = new Promise((resolve, reject) => { doc.on('end', resolve); doc.on('error', reject); });
  return { doc, finish: async () => { doc.end(); await done; return new Uint8Array(Buffer.concat(chunks)); } };
}

/** One line of text with its top at y (pdfkit's text() positions the top of the line). */
function line(doc, text, x, y, size, font = 'Helvetica') {
  doc.font(font).fontSize(size).text(text, x, y, { lineBreak: false });
}

/** A page with a running header, a footer and a page number, as reports have. */
function furnishedPage(doc, n, header, footer) {
  doc.addPage();
  line(doc, header, 72, 36, 8);
  line(doc, footer, 72, 800, 8);
  line(doc, String(n), 515, 800, 8);
}

/** Lines of one paragraph from y down; the first indented when `indent`. Returns the next paragraph's y. */
function paragraph(doc, lines, y, { x = 72, size = 11, leading = 14, indent = 0, gap = 8 } = {}) {
  lines.forEach((t, i) => line(doc, t, x + (i === 0 ? indent : 0), y + i * leading, size));
  return y + lines.length * leading + gap;
}

/** Words wrapped to a width, for generated text (the benchmark's report). */
function wrap(doc, text, width, size) {
  doc.font('Helvetica').fontSize(size);
  const out = [];
  let cur = '';
  for (const w of text.split(/\s+/)) {
    const next = cur ? `${cur} ${w}` : w;
    if (cur && doc.widthOfString(next) > width) { out.push(cur); cur = w; } else cur = next;
  }
  if (cur) out.push(cur);
  return out;
}

const HEADER = 'Primary care co-commissioning: one year on';
const FOOTER = "The King's Fund";

/**
 * A one-column report: a title page; then pages with a running header, a footer and page numbers;
 * footnotes; a real hyphen and a broken word at line ends; a quote that starts on one page (with
 * its speaker) and ends on the next, mid-sentence; another whose page ends with a full sentence
 * while the quotation goes on.
 */
export async function oneColumnReport() {
  const { doc, finish } = start();
  doc.addPage();
  line(doc, 'Primary care co-commissioning:', 72, 200, 24, 'Helvetica-Bold');
  line(doc, 'one year on', 72, 230, 24, 'Helvetica-Bold');
  line(doc, 'A review of the first year of CCGs commissioning general practice', 72, 280, 13);
  line(doc, 'Authors: Jane Holder and Ruth Robertson', 72, 320, 11);
  line(doc, 'Published: 12 March 2014', 72, 700, 10);
  line(doc, "© The King's Fund 2014", 72, 716, 10);

  furnishedPage(doc, 2, HEADER, FOOTER);
  line(doc, 'Introduction', 72, 90, 16, 'Helvetica-Bold');
  let y = paragraph(doc, [
    'Clinical commissioning groups (CCGs) were invited in May 2014 to take on',
    'more responsibility for general practice services. Under the new co-',
    'commissioning arrangements, CCGs and NHS England share the work of',
    'commis-',
    'sioning primary care in their area.',
  ], 120, { indent: 18 });
  // A footnote mark raised after "options" (set smaller, above the baseline).
  line(doc, 'Three options were offered to every CCG in the country.', 72, y, 11);
  doc.font('Helvetica').fontSize(11);
  const w = doc.widthOfString('Three options were offered to every CCG in the country.');
  line(doc, '1', 72 + w + 1, y - 3, 7);
  y = paragraph(doc, [
    'Most chose joint arrangements with their local area team.',
  ], y + 14, { indent: 18 });
  y = paragraph(doc, [
    'Dr Amanda Doyle, chief clinical officer of NHS Blackpool CCG, said the',
    'change was overdue.',
  ], y, { indent: 18 });
  line(doc, '1 NHS England, Next steps towards primary care co-commissioning, November', 72, 740, 8);
  line(doc, '2014, p. 4.', 72, 750, 8);
  line(doc, '2 See also the annual survey of CCG leaders.', 72, 762, 8);

  furnishedPage(doc, 3, HEADER, FOOTER);
  y = paragraph(doc, [
    'The survey of 2014 found that most CCG leaders support the change.',
  ], 90, { indent: 18 });
  y = paragraph(doc, [
    'At a meeting in Blackpool, Dr Amanda Doyle, chief clinical officer of NHS',
    'Blackpool CCG, said: “We want to take on the commissioning of primary care',
    'because local GPs know their patients best, and',
  ], 700, { indent: 18 });

  furnishedPage(doc, 4, HEADER, FOOTER);
  y = paragraph(doc, [
    'we are ready for it. It is the right thing for our patients.”',
  ], 90);
  y = paragraph(doc, [
    'Not every GP agrees. Dr Chaand Nagpaul, chair of the BMA’s GP committee, said:',
    '“Co-commissioning brings conflicts of interest that CCGs cannot manage.”',
  ], y, { indent: 18 });
  y = paragraph(doc, [
    'Ruth Robertson, a fellow at the fund, put it plainly: “The first year went well.',
  ], 720, { indent: 18 });

  furnishedPage(doc, 5, HEADER, FOOTER);
  paragraph(doc, [
    'The second will be harder, because the money is tighter,” she said.',
  ], 90);
  return finish();
}

/** A page of two columns under a heading that spans both; a paragraph runs on from the left column to the right. */
export async function twoColumnPage() {
  const { doc, finish } = start({ info: { Title: 'Commissioning bulletin', Author: 'NHS Clinical Commissioners', CreationDate: new Date('2015-06-01T00:00:00Z') } });
  doc.addPage();
  line(doc, 'Commissioning bulletin: June 2015', 72, 72, 18, 'Helvetica-Bold');
  const left = [
    ['Left column, first paragraph. CCGs in the', 'north took on delegated commissioning', 'in April 2015.'],
    ['Left column, second paragraph, which', 'runs on at the foot of the column and', 'continues at the top of the'],
  ];
  const right = [
    ['right column without a break. It ends', 'here.'],
    ['Right column, last paragraph. Julie Wood,', 'chief executive of NHS Clinical', 'Commissioners, said: “Delegation works.”'],
  ];
  let y = 120;
  for (const p of left) y = paragraph(doc, p, y, { x: 72, size: 10, leading: 13, gap: 10 });
  y = 120;
  for (const p of right) y = paragraph(doc, p, y, { x: 312, size: 10, leading: 13, gap: 10 });
  return finish();
}

/**
 * A newsletter of three columns, over pages whose running header changes with the chapter (each
 * chapter's header on three pages).
 */
export async function threeColumnNewsletter() {
  const { doc, finish } = start({ info: { Title: 'Members newsletter', CreationDate: new Date('2016-01-15T00:00:00Z') } });
  const cols = [72, 237, 402];
  for (let p = 1; p <= 8; p++) {
    doc.addPage();
    line(doc, p <= 3 ? 'Chapter 1: Delegation' : 'Chapter 2: Budgets', 72, 36, 8);
    line(doc, `Page ${p} of 8`, 480, 800, 8);
    cols.forEach((x, c) => {
      paragraph(doc, [`Page ${p}, column ${c + 1}: CCGs`, 'set out their plans for', `the year (item ${p}.${c + 1}).`], 100, { x, size: 10, leading: 13 });
    });
  }
  return finish();
}

/** A "scan": pages of drawn shapes and no text layer. */
export async function scannedReport() {
  const { doc, finish } = start({ info: { Title: 'Governing body minutes, 4 June 2013', Author: 'NHS Bristol CCG', CreationDate: new Date('2013-06-10T00:00:00Z') } });
  for (let p = 0; p < 2; p++) {
    doc.addPage();
    for (let i = 0; i < 30; i++) doc.rect(72, 80 + i * 20, 300 + (i % 5) * 30, 8).fill('#444444');
  }
  return finish();
}

/** Encrypted with a user password (pdfkit writes the standard security handler, AES-128). */
export async function encryptedReport() {
  const { doc, finish } = start({ userPassword: 'secret', ownerPassword: 'owner', pdfVersion: '1.7' });
  doc.addPage();
  line(doc, 'Confidential: governing body paper', 72, 100, 18);
  paragraph(doc, ['This paper is encrypted.'], 140);
  return finish();
}

/** Encrypted with an owner password only (printing and copying rules): anyone may open and read it. */
export async function ownerPasswordReport() {
  const { doc, finish } = start({ ownerPassword: 'owner', permissions: { printing: 'lowResolution', copying: false }, pdfVersion: '1.7', info: { Title: 'Open but protected', CreationDate: FIXED_DATE } });
  doc.addPage();
  paragraph(doc, ['Dr Jane Smith, chair of NHS Leeds CCG, said: “Anyone may read this.”'], 100);
  return finish();
}

/**
 * For the raw reader's test: three pages of different sizes, the first with level text and a
 * rotated stamp; an information dictionary and XMP (written because a creation date is given).
 */
export async function threePages() {
  const { doc, finish } = start({ size: [300, 400], pdfVersion: '1.7', info: { Title: 'Raw', Author: 'A Writer', CreationDate: FIXED_DATE } });
  doc.addPage();
  line(doc, 'Level text', 20, 30, 12);
  doc.save().rotate(90, { origin: [100, 100] });
  line(doc, 'STAMP', 100, 100, 20, 'Helvetica-Bold');
  doc.restore();
  doc.addPage({ size: [200, 250] });
  line(doc, 'Second page', 10, 10, 9, 'Times-Roman');
  doc.addPage();
  line(doc, 'Third page', 10, 10, 9, 'Times-Roman');
  return finish();
}

/** The one-column report cut short, as a download stopped part-way leaves it. */
export async function truncatedReport(share = 0.6) {
  const bytes = await oneColumnReport();
  return bytes.subarray(0, Math.floor(bytes.length * share));
}

const BENCH_WORDS = ('commissioning primary care general practice clinical groups patients services local ' +
  'NHS England budget funding hospital community outcomes quality access workforce contract practices ' +
  'governance conflict interest members governing body engagement integration population health').split(' ');

/**
 * A long generated report (the benchmark's): a title page, then `pages` pages of two or three
 * paragraphs each under a running header, footer and page number, every third page with a
 * quote, every fifth with a footnote. Seeded, so the same bytes every run.
 */
export async function longReport(pages = 200, seed = 1) {
  const rnd = rng(seed);
  const words = (n) => Array.from({ length: n }, () => BENCH_WORDS[Math.floor(rnd() * BENCH_WORDS.length)]).join(' ');
  const { doc, finish } = start({ info: { Title: 'A long report on commissioning', CreationDate: FIXED_DATE } });
  doc.addPage();
  line(doc, 'A long report on commissioning', 72, 200, 24, 'Helvetica-Bold');
  for (let p = 2; p <= pages + 1; p++) {
    furnishedPage(doc, p, 'A long report on commissioning', 'Generated for the benchmark');
    let y = 80;
    for (let k = 0; k < 5; k++) {
      let text = `${words(60 + Math.floor(rnd() * 40))}.`;
      if (k === 1 && p % 3 === 0) text = `Dr Jane Smith, chair of NHS Leeds CCG, said: “We support ${words(20)} because it helps patients.” ${words(15)}.`;
      const lines = wrap(doc, text.charAt(0).toUpperCase() + text.slice(1), 451, 11);
      if (y + lines.length * 14 > 720) break;
      y = paragraph(doc, lines, y, { indent: 18 });
    }
    if (p % 5 === 0) line(doc, `1 A note on page ${p}.`, 72, 760, 8);
  }
  return finish();
}

export const FIXTURES = {
  'one-column-report': oneColumnReport,
  'two-column-page': twoColumnPage,
  'three-column-newsletter': threeColumnNewsletter,
  'scanned-report': scannedReport,
  'encrypted-report': encryptedReport,
  'truncated-report': truncatedReport,
};
