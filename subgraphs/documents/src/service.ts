import { defineSubgraph, resolveVisibleReference } from '@stages/platform';
import { migrations } from '../migrations/index.js';
import { internshipDocumentsConsumer } from './consumers/internship-documents.js';
import { createLoaders } from './context.js';
import { Document } from './document/document.entity.js';
import { canReadDocument } from './document/document.policy.js';
import { DocumentResolver, StudentCvResolver } from './document/document.resolver.js';

export const documentsSubgraph = defineSubgraph({
  name: 'documents',
  defaultPort: 8008,
  entities: [Document],
  migrations,
  resolvers: [DocumentResolver, StudentCvResolver],
  referenceResolvers: {
    Document: { __resolveReference: (reference, ctx) => resolveVisibleReference(ctx.loaders.documentById, reference.id, ctx.viewer, (document) => canReadDocument(ctx.viewer, document)) },
    Student: { __resolveReference: (reference) => ({ id: reference.id }) },
  },
  createLoaders,
  consumers: [internshipDocumentsConsumer],
});
