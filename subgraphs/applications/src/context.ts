import {
  byIdLoader,
  connectionByForeignKeyLoader,
  countByForeignKeyLoader,
  type EntityManager,
  type SubgraphContext,
} from '@stages/platform';
import { Application } from './application/application.entity.js';

export function createLoaders(em: EntityManager) {
  return {
    applicationById: byIdLoader(em, Application),
    applicationsByStudent: connectionByForeignKeyLoader(em, Application, 'studentId'),
    applicationsByOffer: connectionByForeignKeyLoader(em, Application, 'offerId'),
    applicationCountByOffer: countByForeignKeyLoader(em, Application, 'offerId'),
  };
}

export type ApplicationsContext = SubgraphContext<ReturnType<typeof createLoaders>>;
