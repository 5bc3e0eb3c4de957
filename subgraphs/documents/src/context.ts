import { byIdLoader, type EntityManager, type SubgraphContext } from '@stages/platform';
import { Document } from './document/document.entity.js';

export function createLoaders(em: EntityManager) {
  return { documentById: byIdLoader(em, Document) };
}

export type DocumentsContext = SubgraphContext<ReturnType<typeof createLoaders>>;
