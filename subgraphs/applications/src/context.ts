import {
  byForeignKeyLoader,
  byIdLoader,
  connectionByForeignKeyLoader,
  countByForeignKeyLoader,
  type EntityManager,
  type SubgraphContext,
  type Viewer,
} from '@stages/platform';
import { ApplicationStatusChange } from './application/application-status-change.entity.js';
import { Application } from './application/application.entity.js';
import { applicationScope } from './application/application.policy.js';

// Matches no row: a caller with no visible applications gets empty lists from the scoped loaders.
const NOTHING = { id: '00000000-0000-0000-0000-000000000000' };

export function createLoaders(em: EntityManager, viewer: Viewer | null) {
  const scope = applicationScope(viewer);
  return {
    applicationById: byIdLoader(em, Application),
    /** Status history of each application, oldest first (ids are time-ordered), one query per batch. */
    historyByApplication: byForeignKeyLoader(em, ApplicationStatusChange, 'applicationId'),
    /** Lists of applications are filtered to what the caller may see. */
    applicationsByStudent: connectionByForeignKeyLoader(em, Application, 'studentId', scope ?? NOTHING),
    applicationsByOffer: connectionByForeignKeyLoader(em, Application, 'offerId', scope ?? NOTHING),
    /** Counts are public: how many applied says nothing about who. */
    applicationCountByOffer: countByForeignKeyLoader(em, Application, 'offerId'),
    scope,
  };
}

export type ApplicationsContext = SubgraphContext<ReturnType<typeof createLoaders>>;
