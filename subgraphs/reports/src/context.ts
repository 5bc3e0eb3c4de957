import { byIdLoader, type EntityManager, type SubgraphContext } from '@stages/platform';
import { PlacementReport } from './placement/placement-report.entity.js';

export function createLoaders(em: EntityManager) {
  return { placementReportById: byIdLoader(em, PlacementReport) };
}

export type ReportsContext = SubgraphContext<ReturnType<typeof createLoaders>>;
