export { loadOrganisations, validateOrganisations, ORGANISATION_KINDS } from './organisations.js';
export { loadLocalManifest } from './local.js';
export type { LocalDocument } from './local.js';
export { loadStanceExamples, loadStanceWeights, loadTopics } from './stance.js';
export { loadRegistry, validateSource, findSource, SOURCE_KINDS } from './registry.js';
export type { Source, SourceKind, Registry, RegistryEntry } from './registry.js';
export { loadSpeakerRanker, validateSpeakerRanker } from './ranker.js';
