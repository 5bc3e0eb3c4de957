import { byIdLoader, type EntityManager, type SubgraphContext, type Viewer } from '@stages/platform';
import { Document } from './document/document.entity.js';

export function createLoaders(em: EntityManager, _viewer: Viewer | null) {
  return { documentById: byIdLoader(em, Document) };
}

export type DocumentsContext = SubgraphContext<ReturnType<typeof createLoaders>>;
