import { buildSubgraphSchema } from '@apollo/subgraph';
import { printSchemaWithDirectives } from '@graphql-tools/utils';
import { parse, type GraphQLSchema } from 'graphql';
import { buildSchema, createResolversMap, type NonEmptyArray } from 'type-graphql';

export const FEDERATION_LINK =
  'extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key", "@shareable", "@external", "@requires", "@provides", "@inaccessible"])';

/** Resolvers Apollo Federation calls for `_entities`, keyed by type name. */
export type ReferenceResolvers<TContext> = Record<
  string,
  { __resolveReference: (reference: { id: string }, context: TContext) => unknown }
>;

export interface FederatedSchemaOptions<TContext> {
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  resolvers: NonEmptyArray<Function>;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  orphanedTypes?: Function[];
  referenceResolvers: ReferenceResolvers<TContext>;
}

export interface FederatedSchema {
  schema: GraphQLSchema;
  /** The subgraph SDL as composition reads it (with federation directives). */
  sdl: string;
}

/**
 * type-graphql schema → SDL with its directives → `buildSubgraphSchema`, with the reference resolvers merged into
 * type-graphql's resolvers (the shape of type-graphql's apollo-federation-2 example).
 */
export async function buildFederatedSchema<TContext>(options: FederatedSchemaOptions<TContext>): Promise<FederatedSchema> {
  const schema = await buildSchema({
    resolvers: options.resolvers,
    orphanedTypes: options.orphanedTypes,
    validate: false,
    // Composition, not this schema alone, decides whether root types are complete.
    skipCheck: true,
  });
  const sdl = `${FEDERATION_LINK}\n\n${printSchemaWithDirectives(schema)}\n`;
  const resolvers = createResolversMap(schema) as Record<string, Record<string, unknown>>;
  for (const [typeName, resolver] of Object.entries(options.referenceResolvers)) {
    resolvers[typeName] = { ...resolvers[typeName], ...resolver };
  }
  const federated = buildSubgraphSchema({ typeDefs: parse(sdl), resolvers: resolvers as never });
  return { schema: federated, sdl };
}
