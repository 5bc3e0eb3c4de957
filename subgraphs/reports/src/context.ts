import { byIdLoader, type EntityManager, type SubgraphContext, type Viewer } from '@stages/platform';
import { PlacementReport } from './placement/placement-report.entity.js';

export function createLoaders(em: EntityManager, _viewer: Viewer | null) {
  return { placementReportById: byIdLoader(em, PlacementReport) };
}

export type ReportsContext = SubgraphContext<ReturnType<typeof createLoaders>>;
