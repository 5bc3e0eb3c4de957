import { hasRole, isSystemAdmin, type RowScope, type Viewer } from '@stages/platform';
import type { PlacementReport } from './placement-report.entity.js';

/** A university's figures are visible to its staff (administrators and supervisors) and to system administrators. */
export const canReadPlacementReport = (viewer: Viewer | null, report: PlacementReport): boolean =>
  isSystemAdmin(viewer) || (hasRole(viewer, 'UNIVERSITY_ADMIN', 'UNIVERSITY_SUPERVISOR') && viewer?.universityId === report.universityId);

/** The reports a caller may list, or null when none. */
export function placementReportScope(viewer: Viewer | null): RowScope<PlacementReport> | null {
  if (isSystemAdmin(viewer)) return {};
  if (viewer?.universityId && hasRole(viewer, 'UNIVERSITY_ADMIN', 'UNIVERSITY_SUPERVISOR')) return { universityId: viewer.universityId };
  return null;
}
