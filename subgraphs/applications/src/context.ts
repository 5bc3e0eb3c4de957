import {
  byForeignKeyLoader,
  byIdLoader,
  connectionByForeignKeyLoader,
  countByForeignKeyLoader,
  isSystemAdmin,
  type EntityManager,
  type SubgraphContext,
  type Viewer,
} from '@stages/platform';
import { ApplicationStatusChange } from './application/application-status-change.entity.js';
import { Application } from './application/application.entity.js';
import { offerApplicationsLoader, statusCountsLoader } from './application/application.loaders.js';
import { applicationScope, recruiterEnterprise } from './application/application.policy.js';
import { ApplicationEvaluation } from './evaluation/evaluation.entity.js';
import { OfferSnapshot } from './offer-snapshot/offer-snapshot.entity.js';
import { ShortlistEntry } from './shortlist/shortlist-entry.entity.js';
import { Shortlist } from './shortlist/shortlist.entity.js';

// Matches no row: a caller with no visible applications gets empty lists from the scoped loaders.
const NOTHING = { id: '00000000-0000-0000-0000-000000000000' };

export function createLoaders(em: EntityManager, viewer: Viewer | null) {
  const scope = applicationScope(viewer);
  const recruiterOf = recruiterEnterprise(viewer);
  return {
    applicationById: byIdLoader(em, Application),
    /** Status history of each application, oldest first (ids are time-ordered), one query per batch. */
    historyByApplication: byForeignKeyLoader(em, ApplicationStatusChange, 'applicationId'),
    /** Lists of applications are filtered to what the caller may see. */
    applicationsByStudent: connectionByForeignKeyLoader(em, Application, 'studentId', scope ?? NOTHING),
    /** Pages of each offer's applications, optionally of some statuses. */
    applicationsByOffer: offerApplicationsLoader(em, scope ?? NOTHING),
    /** Counts are public: how many applied says nothing about who. */
    applicationCountByOffer: countByForeignKeyLoader(em, Application, 'offerId'),
    /** Counts by status, for system administrators and (of its own applications) the enterprise. */
    statusCountsByOffer: statusCountsLoader(em, isSystemAdmin(viewer) ? {} : recruiterOf ? { enterpriseId: recruiterOf } : NOTHING),
    offerSnapshotById: byIdLoader(em, OfferSnapshot),
    evaluationsByApplication: byForeignKeyLoader(em, ApplicationEvaluation, 'applicationId'),
    shortlistById: byIdLoader(em, Shortlist),
    /** Entries of each shortlist, in the order they were added. */
    entriesByShortlist: byForeignKeyLoader(em, ShortlistEntry, 'shortlistId'),
    scope,
  };
}

export type ApplicationsContext = SubgraphContext<ReturnType<typeof createLoaders>>;
