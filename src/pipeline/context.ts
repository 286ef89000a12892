/** What every pipeline run needs once: the paths and the compiled reference data. */
import { paths, type Paths } from '../core/config.js';
import { loadOrganisations } from '../sources/index.js';
import { compileOrganisations, type CompiledOrganisations } from '../analyse/index.js';

export interface PipelineContext {
  readonly paths: Paths;
  readonly organisations: CompiledOrganisations;
}

export function createContext(home?: string | null): PipelineContext {
  const p = paths(home);
  return { paths: p, organisations: compileOrganisations(loadOrganisations(p.organisations)) };
}
