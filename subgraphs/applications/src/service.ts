import { defineSubgraph, resolveVisibleReference } from '@stages/platform';
import { migrations } from '../migrations/index.js';
import { ApplicationStatusChange } from './application/application-status-change.entity.js';
import { Application } from './application/application.entity.js';
import { canReadApplication } from './application/application.policy.js';
import { ApplicationResolver, OfferApplicationsResolver, StudentApplicationsResolver } from './application/application.resolver.js';
import { documentEventsConsumer } from './consumers/document-events.js';
import { offerEventsConsumer } from './consumers/offer-events.js';
import { createLoaders } from './context.js';
import { ApplicationEvaluation } from './evaluation/evaluation.entity.js';
import { ApplicationEvaluationsResolver, EvaluationResolver } from './evaluation/evaluation.resolver.js';
import { OfferSnapshot } from './offer-snapshot/offer-snapshot.entity.js';
import { ShortlistEntry } from './shortlist/shortlist-entry.entity.js';
import { Shortlist } from './shortlist/shortlist.entity.js';
import { ShortlistResolver } from './shortlist/shortlist.resolver.js';
import { UploadedDocument } from './uploaded-document/uploaded-document.entity.js';

export const applicationsSubgraph = defineSubgraph({
  name: 'applications',
  defaultPort: 8006,
  entities: [Application, ApplicationStatusChange, OfferSnapshot, ApplicationEvaluation, Shortlist, ShortlistEntry, UploadedDocument],
  migrations,
  resolvers: [ApplicationResolver, StudentApplicationsResolver, OfferApplicationsResolver, EvaluationResolver, ApplicationEvaluationsResolver, ShortlistResolver],
  referenceResolvers: {
    Application: { __resolveReference: (reference, ctx) => resolveVisibleReference(ctx.loaders.applicationById, reference.id, ctx.viewer, (application) => canReadApplication(ctx.viewer, application)) },
    Student: { __resolveReference: (reference) => ({ id: reference.id }) },
    Offer: { __resolveReference: (reference) => ({ id: reference.id }) },
  },
  createLoaders,
  consumers: [offerEventsConsumer, documentEventsConsumer],
});
