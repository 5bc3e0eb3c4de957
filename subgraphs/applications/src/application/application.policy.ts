import { isPartyTo, partyScope, type RowScope, type Viewer } from '@stages/platform';
import type { Application } from './application.entity.js';

/** An application is visible to its parties: the student, the enterprise, the student's university (admins). */
export const canReadApplication = (viewer: Viewer | null, application: Application): boolean => isPartyTo(viewer, application);

/** The applications a caller may list (a row filter), or null when none. */
export const applicationScope = (viewer: Viewer | null): RowScope<Application> | null => partyScope(viewer);
