import { defineSubgraph, resolveVisibleReference } from '@stages/platform';
import { migrations } from '../migrations/index.js';
import { internshipDocumentsConsumer } from './consumers/internship-documents.js';
import { createLoaders } from './context.js';
import { Document } from './document/document.entity.js';
import { canReadDocument } from './document/document.policy.js';
import { DocumentResolver } from './document/document.resolver.js';

export const documentsSubgraph = defineSubgraph({
  name: 'documents',
  defaultPort: 8008,
  entities: [Document],
  migrations,
  resolvers: [DocumentResolver],
  referenceResolvers: {
    Document: { __resolveReference: (reference, ctx) => resolveVisibleReference(ctx.loaders.documentById, reference.id, ctx.viewer, (document) => canReadDocument(ctx.viewer, document)) },
  },
  createLoaders,
  consumers: [internshipDocumentsConsumer],
});
