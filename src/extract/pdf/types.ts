/**
 * The records the PDF extractor passes between its steps, from the positioned text items PDF.js
 * gives to the paragraphs of a Document. Coordinates are in PDF points, measured from the top of
 * the page (y grows downwards), so that "above" reads as "smaller y".
 */

/** One run of text as PDF.js gives it: a string at a position, in one font and size. */
export interface TextItem {
  readonly str: string;
  /** Left edge and baseline (from the top of the page). */
  readonly x: number;
  readonly y: number;
  readonly width: number;
  /** Font size in points (the text matrix's vertical scale). */
  readonly size: number;
  readonly font: string;
}

export interface PageText {
  /** 1-based page number. */
  readonly number: number;
  readonly width: number;
  readonly height: number;
  readonly items: readonly TextItem[];
}

/** Items on one baseline, next to each other: a line of one column. */
export interface Line {
  readonly page: number;
  readonly x0: number;
  readonly x1: number;
  /** Baseline from the top of the page. */
  readonly y: number;
  /** The size most of the line's characters are set in. */
  readonly size: number;
  readonly text: string;
  /** A footnote mark raised before the text ("¹ See…" as a separate, smaller, raised item). */
  readonly leadingMark?: string;
  /** Footnote marks raised inside the line (left out of `text`). */
  readonly marks?: readonly string[];
}

/** A paragraph before its lines are joined: the page it starts on and its lines' texts. */
export interface RawParagraph {
  readonly page: number;
  readonly size: number;
  readonly lines: readonly string[];
}
