import { defineSubgraph, resolveVisibleReference } from '@stages/platform';
import { migrations } from '../migrations/index.js';
import { ActivityResolver } from './activity/activity.resolver.js';
import { EventTally } from './activity/event-tally.entity.js';
import { eventTallyConsumer } from './consumers/event-tally.js';
import { createLoaders } from './context.js';
import { PlacementReport } from './placement/placement-report.entity.js';
import { canReadPlacementReport } from './placement/placement-report.policy.js';
import { PlacementReportResolver } from './placement/placement-report.resolver.js';

export const reportsSubgraph = defineSubgraph({
  name: 'reports',
  defaultPort: 8010,
  entities: [PlacementReport, EventTally],
  migrations,
  resolvers: [PlacementReportResolver, ActivityResolver],
  referenceResolvers: {
    PlacementReport: { __resolveReference: (reference, ctx) => resolveVisibleReference(ctx.loaders.placementReportById, reference.id, ctx.viewer, (report) => canReadPlacementReport(ctx.viewer, report)) },
  },
  createLoaders,
  consumers: [eventTallyConsumer],
});
