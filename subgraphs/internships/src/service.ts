import { defineSubgraph, resolveVisibleReference } from '@stages/platform';
import { migrations } from '../migrations/index.js';
import { createLoaders } from './context.js';
import { Internship } from './internship/internship.entity.js';
import { canReadInternship } from './internship/internship.policy.js';
import { InternshipResolver, StudentInternshipsResolver } from './internship/internship.resolver.js';

export const internshipsSubgraph = defineSubgraph({
  name: 'internships',
  defaultPort: 8007,
  entities: [Internship],
  migrations,
  resolvers: [InternshipResolver, StudentInternshipsResolver],
  referenceResolvers: {
    Internship: { __resolveReference: (reference, ctx) => resolveVisibleReference(ctx.loaders.internshipById, reference.id, ctx.viewer, (internship) => canReadInternship(ctx.viewer, internship)) },
    Student: { __resolveReference: (reference) => ({ id: reference.id }) },
  },
  createLoaders,
});
