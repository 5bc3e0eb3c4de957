import { defineSubgraph, resolveVisibleReference } from '@stages/platform';
import { migrations } from '../migrations/index.js';
import { applicationDocumentsConsumer } from './consumers/application-documents.js';
import { internshipDocumentsConsumer } from './consumers/internship-documents.js';
import { Application } from './external/application.js';
import { createLoaders } from './context.js';
import { Document } from './document/document.entity.js';
import { ApplicationDocumentsResolver, DocumentResolver, StudentCvResolver } from './document/document.resolver.js';
import { ApplicationDocument } from './sharing/application-document.entity.js';

export const documentsSubgraph = defineSubgraph({
  name: 'documents',
  defaultPort: 8008,
  entities: [Document, ApplicationDocument],
  migrations,
  resolvers: [DocumentResolver, StudentCvResolver, ApplicationDocumentsResolver],
  // Application is reachable only through `_entities` here.
  orphanedTypes: [Application],
  referenceResolvers: {
    Document: { __resolveReference: (reference, ctx) => resolveVisibleReference(ctx.loaders.documentById, reference.id, ctx.viewer, ctx.loaders.canRead) },
    Student: { __resolveReference: (reference) => ({ id: reference.id }) },
    // Only the key: `documents` checks each document for the caller.
    Application: { __resolveReference: (reference) => ({ id: reference.id }) },
  },
  createLoaders,
  consumers: [internshipDocumentsConsumer, applicationDocumentsConsumer],
});
