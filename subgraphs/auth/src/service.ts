import { defineSubgraph, parseId } from '@stages/platform';
import { migrations } from '../migrations/index.js';
import { createLoaders } from './context.js';
import { User } from './user/user.entity.js';
import { UserResolver } from './user/user.resolver.js';

export const authSubgraph = defineSubgraph({
  name: 'auth',
  defaultPort: 8001,
  entities: [User],
  migrations,
  resolvers: [UserResolver],
  referenceResolvers: {
    User: { __resolveReference: (reference, ctx) => ctx.loaders.userById.load(parseId(reference.id)) },
  },
  createLoaders,
});
