import { isSystemAdmin, type Viewer } from '@stages/platform';

/** An account is visible to its owner and to system administrators. */
export const canReadUser = (viewer: Viewer | null, userId: string): boolean => isSystemAdmin(viewer) || viewer?.subject === userId;
