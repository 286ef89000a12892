export type {
  Stance,
  DocumentKind,
  OrganisationKind,
  OrganisationMention,
  Person,
  DateMention,
  Quote,
  Provenance,
  SnapshotRef,
  Document,
  Extracted,
  KnownMetadata,
  Position,
  Positions,
} from './types.js';
export { STANCES } from './types.js';
export { CcgError, UsageError, InputError, FormatError, ValidationError, errorMessage } from './errors.js';
export { SAFE_ID, PathError, isSafeId, checkId, inside } from './safe-path.js';
export { plural } from './plural.js';
