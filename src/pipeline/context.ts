/** What every pipeline run needs once: the paths, the compiled reference data and the stance model. */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { paths, PACKAGE_ROOT, type Paths } from '../core/config.js';
import { warnOnStderr } from './index-context.js';
import { loadOrganisations, loadStanceExamples, loadStanceWeights, loadTopics } from '../sources/index.js';
import { compileOrganisations, trainStanceModel, stanceModelFrom, trainingFingerprint, type CompiledOrganisations, type StanceScorer } from '../analyse/index.js';

export interface PipelineContext {
  readonly paths: Paths;
  readonly organisations: CompiledOrganisations;
  /** The stance classifier, loaded on first use (the shipped weights, or trained afresh when the examples changed). */
  readonly stance: StanceScorer;
  /** Something the user should know that is not a failure (an input cut at the size limit, bad bytes replaced). */
  readonly warn: (message: string) => void;
}

export interface ContextOptions {
  /** Where warnings go; by default one line each on stderr. */
  readonly warn?: (message: string) => void;
}


export function createContext(home?: string | null, options: ContextOptions = {}): PipelineContext {
  const p = paths(home);
  const stanceFile = (name: string): string => {
    const own = join(p.sources, 'stance', name);
    return existsSync(own) ? own : join(PACKAGE_ROOT, 'sources', 'stance', name);
  };
  let scorer: StanceScorer | null = null;
  return {
    paths: p,
    warn: options.warn ?? warnOnStderr,
    organisations: compileOrganisations(loadOrganisations(p.organisations)),
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
