import { isSystemAdmin, type RowScope, type Viewer } from '@stages/platform';
import type { Document } from './document.entity.js';

// Parties of an internship (host, university) will see its documents once documents are linked to internships.

/** A document is visible to its owner and to system administrators. */
export const canReadDocument = (viewer: Viewer | null, document: Document): boolean =>
  isSystemAdmin(viewer) || (viewer !== null && viewer.subject === document.ownerId);

/** The documents a caller may list, or null when none (anonymous). */
export function documentScope(viewer: Viewer | null): RowScope<Document> | null {
  if (isSystemAdmin(viewer)) return {};
  return viewer ? { ownerId: viewer.subject } : null;
}
