/**
 * The index as the page reads it: data files are classic scripts (browsers refuse fetch() from
 * file://), each calling the global `ccgData(name, json)`; a file loads on first use and stays
 * loaded. The search code is the CLI's (src/search), reading the same partition files. Quote
 * partitions' bases are loaded newest first in the background so that a search answers from what
 * is there and grows as the rest arrives. Browser only.
 */
import type { IndexSource } from '../search/execute.js';
import type { IndexManifest, Kind, PartitionInfo } from '../search/schema.js';

/** The page's manifest: the index's (src/pipeline/site.ts). */
export type SiteManifest = IndexManifest;

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

/** Newest first (by their latest date), undated last: the order partitions are loaded in. */
export const newestFirst = (a: PartitionInfo, b: PartitionInfo): number =>
  a.last === b.last ? b.key.localeCompare(a.key) : a.last === null ? 1 : b.last === null ? -1 : b.last.localeCompare(a.last);

/** The archive as an index source for src/search, with the partitions whose bases are loaded. */
export class SiteIndex implements IndexSource {
  readonly manifest: IndexManifest;
  private readonly files = new Map<string, Promise<unknown>>();
  /** Partitions whose base of each kind is in memory. */
  readonly loaded: Record<Kind, Set<string>> = { quotes: new Set(), documents: new Set() };

  constructor(readonly site: SiteManifest, private readonly onLoad: () => void = () => undefined) {
    this.manifest = { ...site, partitions: [...site.partitions].sort(newestFirst) };
  }

  file(key: string, name: string): Promise<unknown> {
    const id = `${key}/${name}`;
    let p = this.files.get(id);
    if (!p) {
      p = loadData(`data/${key ? `${key}/` : ''}${name.replace(/\.json$/, '.js')}`).then((json) => JSON.parse(json) as unknown);
      this.files.set(id, p);
      p.catch(() => this.files.delete(id));
    }
    return p;
  }

  /** Loads a partition's base of one kind (what every query of that kind reads first). */
  async load(kind: Kind, key: string): Promise<void> {
    await this.file(key, `${kind}-base.json`);
    if (!this.loaded[kind].has(key)) {
      this.loaded[kind].add(key);
      this.onLoad();
    }
  }

  /** The index restricted to some partitions (those already loaded), for answers while the rest load. */
  only(keys: ReadonlySet<string>): IndexSource {
    return { manifest: { ...this.manifest, partitions: this.manifest.partitions.filter((p) => keys.has(p.key)) }, file: (k, n) => this.file(k, n) };
  }

  /** Loads these partitions' bases one after another, in the order given. */
  async loadInOrder(kind: Kind, keys: readonly string[]): Promise<void> {
    for (const k of keys) await this.load(kind, k);
  }

  /** Loads every quote base, newest first, one after another. */
  async preloadQuotes(): Promise<void> {
    await this.loadInOrder('quotes', this.manifest.partitions.map((p) => p.key));
  }
}
