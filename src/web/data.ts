/**
 * The index as the page reads it: data files are classic scripts (browsers refuse fetch() from
 * file://), each calling the global `ccgData(name, json)`; partitions load on first use and stay
 * loaded. Quote partitions are loaded newest first in the background so that a search answers from
 * what is there and grows as the rest arrives; documents and texts only when a document search
 * needs them. Browser only.
 */
import type MiniSearch from 'minisearch';
import { loadDocumentIndex, loadQuoteIndex, parseTexts } from '../search/build.js';
import type { IndexSource } from '../search/execute.js';
import type { DocumentRecord, IndexManifest, QuoteRecord } from '../search/schema.js';
import type { OrgTable } from '../search/organisations.js';

export interface SitePartition {
  readonly key: string;
  readonly documents: number;
  readonly quotes: number;
  /** The year's quotes in chunks, newest first; its documents and texts whole. */
  readonly files: { readonly quotes: readonly string[]; readonly documents: string; readonly texts: string };
}

export interface SiteManifest {
  readonly format: 'ccg-site';
  readonly version: number;
  readonly builtAt: string;
  readonly documentCount: number;
  readonly quoteCount: number;
  readonly organisations: OrgTable;
  readonly partitions: readonly SitePartition[];
}

declare global {
  interface Window {
    ccgData?: (name: string, json: string) => void;
  }
}

const waiting = new Map<string, (json: string) => void>();

/** Installs the global the data scripts call. */
export function installDataHook(): void {
  window.ccgData = (name: string, json: string): void => {
    const resolve = waiting.get(name);
    waiting.delete(name);
    resolve?.(json);
  };
}

/** Loads one data script (path relative to the page) and resolves to the JSON it registers. */
export function loadData(path: string): Promise<string> {
  const name = path.replace(/^data\//, '');
  return new Promise((resolve, reject) => {
    waiting.set(name, resolve);
    const s = document.createElement('script');
    s.async = true;
    s.src = path;
    s.onload = (): void => {
      s.remove();
      if (waiting.delete(name)) reject(new Error(`${path} did not hold the archive's data`));
    };
    s.onerror = (): void => {
      s.remove();
      waiting.delete(name);
      reject(new Error(`could not load ${path}: run "ccg index" again`));
    };
    document.head.append(s);
  });
}

/** Newest first, undated last: the order quote partitions are fetched in. */
export const newestFirst = (a: string, b: string): number => (a === 'undated' ? 1 : b === 'undated' ? -1 : b.localeCompare(a));

type Kind = 'quotes' | 'documents';

/**
 * The archive as two index sources for src/search: quotes by chunk ("2014.0", "2014.1", … newest
 * first; partitionsFor reads the year before the dot) and documents by year.
 */
export class SiteIndex {
  readonly quotesView: IndexSource;
  readonly documentsView: IndexSource;
  private readonly quoteIndexes = new Map<string, Promise<MiniSearch<QuoteRecord>>>();
  private readonly documentIndexes = new Map<string, Promise<MiniSearch<DocumentRecord>>>();
  private readonly textMaps = new Map<string, Promise<ReadonlyMap<string, string>>>();
  /** Quote chunks and document partitions in memory. */
  readonly loaded: Record<Kind, Set<string>> = { quotes: new Set(), documents: new Set() };
  private readonly chunkFiles = new Map<string, string>();
  private readonly byKey: Map<string, SitePartition>;

  constructor(readonly site: SiteManifest, private readonly onLoad: () => void = () => undefined) {
    this.byKey = new Map(site.partitions.map((p) => [p.key, p]));
    const base = { format: 'ccg-index' as const, version: 0, builtAt: site.builtAt, documentCount: site.documentCount, quoteCount: site.quoteCount, organisations: site.organisations, catalog: '' };
    const chunks = [...site.partitions].sort((a, b) => newestFirst(a.key, b.key)).flatMap((p) =>
      p.files.quotes.map((file, i) => {
        const key = `${p.key}.${i}`;
        this.chunkFiles.set(key, file);
        return { key, documents: 0, quotes: 0, files: { quotes: file, documents: p.files.documents, texts: p.files.texts } };
      }),
    );
    const years = [...site.partitions].sort((a, b) => newestFirst(a.key, b.key)).map((p) => ({ key: p.key, documents: p.documents, quotes: p.quotes, files: { quotes: '', documents: p.files.documents, texts: p.files.texts } }));
    this.quotesView = this.view({ ...base, partitions: chunks });
    this.documentsView = this.view({ ...base, partitions: years });
  }

  private view(manifest: IndexManifest): IndexSource {
    return { manifest, quotes: (k) => this.quotes(k), documents: (k) => this.documents(k), texts: (k) => this.texts(k) };
  }

  /** The view of one kind restricted to some of its keys (those already loaded), for answers while the rest load. */
  only(kind: Kind, keys: ReadonlySet<string>): IndexSource {
    const all = kind === 'quotes' ? this.quotesView : this.documentsView;
    return this.view({ ...all.manifest, partitions: all.manifest.partitions.filter((p) => keys.has(p.key)) });
  }

  source(kind: Kind): IndexSource {
    return kind === 'quotes' ? this.quotesView : this.documentsView;
  }

  private year(key: string): SitePartition {
    const p = this.byKey.get(key);
    if (!p) throw new Error(`no partition ${key}`);
    return p;
  }

  quotes(key: string): Promise<MiniSearch<QuoteRecord>> {
    let p = this.quoteIndexes.get(key);
    if (!p) {
      const file = this.chunkFiles.get(key);
      if (!file) return Promise.reject(new Error(`no quote chunk ${key}`));
      p = loadData(file).then((json) => {
        const ms = loadQuoteIndex(json);
        this.loaded.quotes.add(key);
        this.onLoad();
        return ms;
      });
      this.quoteIndexes.set(key, p);
    }
    return p;
  }

  documents(key: string): Promise<MiniSearch<DocumentRecord>> {
    let p = this.documentIndexes.get(key);
    if (!p) {
      p = loadData(this.year(key).files.documents).then((json) => {
        const ms = loadDocumentIndex(json);
        this.loaded.documents.add(key);
        this.onLoad();
        return ms;
      });
      this.documentIndexes.set(key, p);
    }
    return p;
  }

  texts(key: string): Promise<ReadonlyMap<string, string>> {
    let p = this.textMaps.get(key);
    if (!p) {
      p = loadData(this.year(key).files.texts).then((json) => parseTexts(json).texts);
      this.textMaps.set(key, p);
    }
    return p;
  }

  /** Loads these partitions (or chunks) one after another, in the order given. */
  async loadInOrder(kind: Kind, keys: readonly string[]): Promise<void> {
    for (const k of keys) await (kind === 'quotes' ? this.quotes(k) : this.documents(k));
  }

  /** Loads every quote chunk, newest first, one after another. */
  async preloadQuotes(): Promise<void> {
    for (const p of this.quotesView.manifest.partitions) await this.quotes(p.key);
  }
}
