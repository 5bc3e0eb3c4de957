import { defineSubgraph, parseId } from '@stages/platform';
import { migrations } from '../migrations/index.js';
import { createLoaders } from './context.js';
import { Internship } from './internship/internship.entity.js';
import { InternshipResolver, StudentInternshipsResolver } from './internship/internship.resolver.js';

export const internshipsSubgraph = defineSubgraph({
  name: 'internships',
  defaultPort: 8007,
  entities: [Internship],
  migrations,
  resolvers: [InternshipResolver, StudentInternshipsResolver],
  referenceResolvers: {
    Internship: { __resolveReference: (reference, ctx) => ctx.loaders.internshipById.load(parseId(reference.id)) },
    Student: { __resolveReference: (reference) => ({ id: reference.id }) },
  },
  createLoaders,
});
