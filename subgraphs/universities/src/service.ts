import { defineSubgraph, parseId } from '@stages/platform';
import { migrations } from '../migrations/index.js';
import { createLoaders } from './context.js';
import { University } from './university/university.entity.js';
import { UniversityResolver } from './university/university.resolver.js';

export const universitiesSubgraph = defineSubgraph({
  name: 'universities',
  defaultPort: 8004,
  entities: [University],
  migrations,
  resolvers: [UniversityResolver],
  // Universities are a public directory: anyone may resolve one.
  referenceResolvers: {
    University: { __resolveReference: (reference, ctx) => ctx.loaders.universityById.load(parseId(reference.id)) },
  },
  createLoaders,
});
