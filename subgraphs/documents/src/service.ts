import { defineSubgraph, resolveVisibleReference } from '@stages/platform';
import { migrations } from '../migrations/index.js';
import { ApplicationDocument } from './application-document/application-document.entity.js';
import { ClosedApplication } from './application-document/closed-application.entity.js';
import { applicationDocumentsConsumer } from './consumers/application-documents.js';
import { internshipDocumentsConsumer } from './consumers/internship-documents.js';
import { createLoaders } from './context.js';
import { Document } from './document/document.entity.js';
import { ApplicationDocumentsResolver, DocumentResolver, StudentCvResolver } from './document/document.resolver.js';
import { Application } from './external/application.js';

export const documentsSubgraph = defineSubgraph({
  name: 'documents',
  defaultPort: 8008,
  entities: [Document, ApplicationDocument, ClosedApplication],
  migrations,
  resolvers: [DocumentResolver, StudentCvResolver, ApplicationDocumentsResolver],
  // Application is reachable only through `_entities` here.
  orphanedTypes: [Application],
  referenceResolvers: {
    Document: { __resolveReference: (reference, ctx) => resolveVisibleReference(ctx.loaders.documentById, reference.id, ctx.viewer, ctx.loaders.canRead) },
    Student: { __resolveReference: (reference) => ({ id: reference.id }) },
    // The key and the ids the gateway fetched (`@requires`): `documents` checks each document for the caller.
    Application: {
      __resolveReference: (reference: { id: string; documentIds?: unknown }) => ({ id: reference.id, documentIds: Array.isArray(reference.documentIds) ? (reference.documentIds as string[]) : [] }),
    },
  },
  createLoaders,
  consumers: [internshipDocumentsConsumer, applicationDocumentsConsumer],
});
