import { defineSubgraph, resolveVisibleReference } from '@stages/platform';
import { migrations } from '../migrations/index.js';
import { createLoaders } from './context.js';
import { PlacementReport } from './placement/placement-report.entity.js';
import { canReadPlacementReport } from './placement/placement-report.policy.js';
import { PlacementReportResolver } from './placement/placement-report.resolver.js';

export const reportsSubgraph = defineSubgraph({
  name: 'reports',
  defaultPort: 8010,
  entities: [PlacementReport],
  migrations,
  resolvers: [PlacementReportResolver],
  referenceResolvers: {
    PlacementReport: { __resolveReference: (reference, ctx) => resolveVisibleReference(ctx.loaders.placementReportById, reference.id, ctx.viewer, (report) => canReadPlacementReport(ctx.viewer, report)) },
  },
  createLoaders,
});
