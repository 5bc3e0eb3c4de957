import { isPartyTo, partyScope, type RowScope, type Viewer } from '@stages/platform';
import type { Internship } from './internship.entity.js';

/** An internship is visible to its parties: the intern, the host enterprise, the student's university (admins). */
export const canReadInternship = (viewer: Viewer | null, internship: Internship): boolean => isPartyTo(viewer, internship);

/** The internships a caller may list (a row filter), or null when none. */
export const internshipScope = (viewer: Viewer | null): RowScope<Internship> | null => partyScope(viewer);
