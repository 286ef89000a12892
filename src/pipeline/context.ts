/** What every pipeline run needs once: the paths, the compiled reference data and the stance model. */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { paths, PACKAGE_ROOT, type Paths } from '../core/config.js';
import { warnOnStderr } from './index-context.js';
import { loadOrganisations, loadSpeakerRanker, loadStanceExamples, loadStanceWeights, loadTopics } from '../sources/index.js';
import { compileOrganisations, trainStanceModel, stanceModelFrom, trainingFingerprint, type CompiledOrganisations, type SpeakerRanker, type StanceScorer } from '../analyse/index.js';

export interface PipelineContext {
  readonly paths: Paths;
  readonly organisations: CompiledOrganisations;
  /** The stance classifier, loaded on first use (the shipped weights, or trained afresh when the examples changed). */
  readonly stance: StanceScorer;
  /** The speaker ranker's learned weights (sources/models/speaker-ranker.json). */
  readonly ranker: SpeakerRanker;
  /** Something the user should know that is not a failure (an input cut at the size limit, bad bytes replaced). */
  readonly warn: (message: string) => void;
  /** Limits on reading one PDF (defaults in src/extract/pdf/read.ts). */
  readonly pdfLimits?: PdfLimits;
}

export interface PdfLimits {
  readonly maxPages?: number;
  readonly timeLimitMs?: number;
  readonly memoryLimitMb?: number;
}

export interface ContextOptions {
  /** Where warnings go; by default one line each on stderr. */
  readonly warn?: (message: string) => void;
  readonly pdfLimits?: PdfLimits;
}

/**
 * PDF limits from the environment: CCG_PDF_MAX_PAGES (pages read at most), CCG_PDF_TIME_LIMIT
 * (seconds per PDF) and CCG_PDF_MEMORY_LIMIT (megabytes of heap per PDF). A value that is not a
 * positive number is ignored.
 */
export function pdfLimitsFromEnv(env: NodeJS.ProcessEnv = process.env): PdfLimits {
  const positive = (v: string | undefined): number | undefined => (v && Number(v) > 0 ? Number(v) : undefined);
  const pages = positive(env.CCG_PDF_MAX_PAGES);
  const seconds = positive(env.CCG_PDF_TIME_LIMIT);
  const memory = positive(env.CCG_PDF_MEMORY_LIMIT);
  return { ...(pages ? { maxPages: Math.floor(pages) } : {}), ...(seconds ? { timeLimitMs: seconds * 1000 } : {}), ...(memory ? { memoryLimitMb: Math.floor(memory) } : {}) };
}


export function createContext(home?: string | null, options: ContextOptions = {}): PipelineContext {
  const p = paths(home);
  const stanceFile = (name: string): string => {
    const own = join(p.sources, 'stance', name);
    return existsSync(own) ? own : join(PACKAGE_ROOT, 'sources', 'stance', name);
  };
  const ownRanker = join(p.sources, 'models', 'speaker-ranker.json');
  let scorer: StanceScorer | null = null;
  return {
    paths: p,
    warn: options.warn ?? warnOnStderr,
    pdfLimits: options.pdfLimits ?? pdfLimitsFromEnv(),
    organisations: compileOrganisations(loadOrganisations(p.organisations)),
    ranker: loadSpeakerRanker(existsSync(ownRanker) ? ownRanker : join(PACKAGE_ROOT, 'sources', 'models', 'speaker-ranker.json')),
    stance: (text, frame) => {
      if (!scorer) {
        const topic = loadTopics(stanceFile('topics.json'))[0]!;
        const examples = loadStanceExamples(stanceFile('examples.json'));
        // The shipped weights, while they were trained from these examples and this topic; otherwise train now.
        const stored = existsSync(stanceFile('model.json')) ? loadStanceWeights(stanceFile('model.json')) : null;
        const model = stored?.fingerprint === trainingFingerprint(examples, topic) ? stanceModelFrom(stored, topic) : trainStanceModel(examples, topic);
        scorer = (t, f) => model.probabilities(t, f);
      }
      return scorer(text, frame);
    },
  };
}
