export { createContext } from './context.js';
export type { PipelineContext } from './context.js';
export { extractFile } from './extract-file.js';
export { addFiles, localManifest } from './add.js';
export type { AddResult } from './add.js';
export { indexCorpus, openIndex, readManifest, DiskIndex } from './index-corpus.js';
export type { IndexSummary, IndexProblem } from './index-corpus.js';
export { readInput, decodeBytes } from './read-input.js';
export { buildDocument, urlDocumentId, fileDocumentId, textDocumentId } from './build-document.js';
