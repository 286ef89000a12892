export { writeFileAtomic, writeFilesAtomic } from './atomic.js';
export { addDocument, deleteDocument, documentIdentity, IdCollisionError, readDocument, listDocuments, parseRecord, DOCUMENT_FORMAT, DOCUMENT_VERSION } from './store.js';
export type { AddStatus } from './store.js';
export { SnapshotStore, sha256 } from './snapshots.js';
export type { UrlState, SourceState, Revision } from './snapshots.js';
export { readRemoval, writeRemoval, deleteRemoval, removalOf, removalFile, removalFiles, removedDir, parseRemoval, REMOVAL_FORMAT } from './removals.js';
export type { Removal, RemovedDocument } from './removals.js';
