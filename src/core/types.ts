/**
 * The data model of ccg-archive (see README "Data model"). One `Document` type is what
 * `ccg extract --json` prints and what `corpus/documents/` stores; the earlier stages return the
 * smaller readonly records it is built from.
 */

/** Stance of a quote towards a topic (by default: CCGs taking on the commissioning of primary care). */
export type Stance = 'support' | 'oppose' | 'mixed' | 'neutral';

export const STANCES: readonly Stance[] = ['support', 'oppose', 'mixed', 'neutral'];

/** What kind of publication a document is. */
export type DocumentKind = 'news' | 'report' | 'blog' | 'press release' | 'page';

export const DOCUMENT_KINDS: readonly DocumentKind[] = ['news', 'report', 'blog', 'press release', 'page'];

/** The kind a user wrote ("Report", "press-release"), or null when it is none of them. */
export function documentKind(written: string): DocumentKind | null {
  const k = written.toLowerCase().replace(/[^a-z]+/g, ' ').trim();
  return DOCUMENT_KINDS.find((d) => d === k) ?? null;
}

/** Kinds of organisation in the reference list (`sources/organisations.json`). */
export type OrganisationKind =
  | 'ccg'
  | 'icb'
  | 'nhs body'
  | 'government'
  | 'regulator'
  | 'union'
  | 'royal college'
  | 'lmc'
  | 'think tank'
  | 'membership body'
  | 'trust'
  | 'local authority'
  | 'publisher'
  | 'committee'
  | 'other';

export interface OrganisationMention {
  /** Canonical name from the reference list where known, else the name as written. */
  readonly name: string;
  readonly aliases: readonly string[];
  readonly kind: OrganisationKind;
  /** How many times the organisation is named in the text. */
  readonly mentions: number;
}

export interface Person {
  readonly name: string;
  readonly role: string | null;
  readonly organisation: string | null;
}

export interface DateMention {
  /** The words as written, e.g. "April 2018". */
  readonly text: string;
  /** `YYYY-MM-DD`, `YYYY-MM` or `YYYY` (a range such as 2017/18 gives its first year). */
  readonly value: string;
}

export interface Quote {
  readonly text: string;
  readonly speaker: string | null;
  readonly role: string | null;
  readonly organisation: string | null;
  readonly stance: Stance;
  /** How sure the stance classifier is of `stance` (0–1); absent in records written before it was kept. */
  readonly stanceConfidence?: number;
  /** Index of the paragraph (in `text` split on blank lines) where the quote starts. */
  readonly paragraph: number;
  /** Offsets of the quote's words (without the quotation marks) in the document's `text`. */
  readonly start: number;
  readonly end: number;
  /** A few quoted words inside reported speech ("should provide ‘local knowledge’"). */
  readonly partial?: boolean;
  /** PDF documents: the page (1-based, as numbered in the file) on which the quote starts. */
  readonly page?: number;
}

/** A footnote of a PDF document, kept apart from the main text. */
export interface Footnote {
  /** The mark as printed: "1", "12", "*". */
  readonly number: string;
  readonly text: string;
  /** The page (1-based) the footnote is printed on. */
  readonly page: number;
}

/** Where one speaker or organisation stands in a document: the stance most of their quotes take. */
export interface Position {
  readonly name: string;
  readonly stance: Stance;
  readonly quotes: number;
  readonly counts: Readonly<Record<Stance, number>>;
}

export interface Positions {
  readonly speakers: readonly Position[];
  readonly organisations: readonly Position[];
}

/** Provenance of a document a librarian added from a local file. */
export interface Provenance {
  readonly path: string;
  readonly addedBy: string;
  readonly addedAt: string;
  readonly sha256: string;
}

/** Provenance of a fetched document. */
export interface SnapshotRef {
  readonly sha256: string;
  readonly fetchedAt: string;
  readonly status: number;
  readonly contentType: string | null;
  readonly etag: string | null;
  readonly lastModified: string | null;
}

export interface Document {
  readonly id: string;
  readonly source: string | null;
  readonly url: string | null;
  readonly canonicalUrl: string | null;
  /** Other URLs at which the same story was found (de-duplicated by canonical URL or content). */
  readonly alternateUrls?: readonly string[];
  readonly title: string;
  readonly publisher: string | null;
  readonly authors: readonly string[];
  /** `YYYY-MM-DD`, or `YYYY-MM` / `YYYY` when only that is known; null rather than a guess. */
  readonly published: string | null;
  /** "approximate" when `published` is an estimate (a year that context suggests), shown as "c. 2014". */
  readonly datePrecision?: 'approximate';
  readonly modified: string | null;
  readonly language: string | null;
  readonly kind: DocumentKind;
  /** Main text without the title; paragraphs separated by a blank line. */
  readonly text: string;
  readonly organisations: readonly OrganisationMention[];
  readonly people: readonly Person[];
  readonly dates: readonly DateMention[];
  readonly quotes: readonly Quote[];
  /** Position summary per speaker and per organisation. */
  readonly positions: Positions;
  readonly snapshot?: SnapshotRef;
  readonly provenance?: Provenance;
  /**
   * PDF documents only (absent for pages and text files): `pages[i]` is the page (1-based) on
   * which paragraph i of `text` starts; `pageCount` the number of pages the file has.
   */
  readonly pages?: readonly number[];
  readonly pageCount?: number;
  /** PDF documents: footnotes, apart from the main text. */
  readonly footnotes?: readonly Footnote[];
  /** PDF documents: encrypted with a password; only metadata is stored. */
  readonly needsPassword?: boolean;
  /** PDF documents: no text layer (a scan); only metadata is stored. */
  readonly needsOcr?: boolean;
}

/** What the extract stage gives: main text and metadata, before analysis. */
export interface Extracted {
  readonly title: string;
  readonly text: string;
  readonly authors: readonly string[];
  readonly published: string | null;
  readonly modified: string | null;
  readonly publisher: string | null;
  readonly canonicalUrl: string | null;
  readonly language: string | null;
  readonly kind: DocumentKind | null;
}

/** Metadata known about a document from outside its text (a registry entry, a sidecar manifest). */
export interface KnownMetadata {
  readonly source?: string | null;
  readonly url?: string | null;
  readonly title?: string | null;
  readonly publisher?: string | null;
  readonly published?: string | null;
  /** "approximate" when `published` is an estimate. */
  readonly datePrecision?: 'approximate';
  readonly authors?: readonly string[];
  readonly kind?: DocumentKind | null;
}
