/** What every pipeline run needs once: the paths, the compiled reference data and the stance model. */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { paths, PACKAGE_ROOT, type Paths } from '../core/config.js';
import { loadOrganisations, loadStanceExamples } from '../sources/index.js';
import { compileOrganisations, trainStanceModel, blendScorers, lexiconScorer, CLASSIFIER_WEIGHT, type CompiledOrganisations, type StanceScorer } from '../analyse/index.js';

export interface PipelineContext {
  readonly paths: Paths;
  readonly organisations: CompiledOrganisations;
  /** The stance classifier, trained on first use (a few tens of milliseconds). */
  readonly stance: StanceScorer;
}

export function createContext(home?: string | null): PipelineContext {
  const p = paths(home);
  const own = join(p.sources, 'stance', 'examples.json');
  const examplesFile = existsSync(own) ? own : join(PACKAGE_ROOT, 'sources', 'stance', 'examples.json');
  let scorer: StanceScorer | null = null;
  return {
    paths: p,
    organisations: compileOrganisations(loadOrganisations(p.organisations)),
    stance: (text) => {
      if (!scorer) {
        const model = trainStanceModel(loadStanceExamples(examplesFile));
        scorer = blendScorers((t) => model.probabilities(t), lexiconScorer(model.topic), CLASSIFIER_WEIGHT);
      }
      return scorer(text);
    },
  };
}
