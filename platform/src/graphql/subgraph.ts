import type { MigrationObject } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { NonEmptyArray } from 'type-graphql';
import type { NewEvent } from '../events/outbox.js';
import type { Infrastructure } from '../infrastructure.js';
import type { Logger } from '../logging/logger.js';
import type { ReferenceResolvers } from './federated-schema.js';

/** What every resolver of a subgraph receives, built fresh for each request. */
export interface SubgraphContext<TLoaders = unknown> {
  requestId: string;
  /** A fork of the subgraph's entity manager for this request only. */
  em: EntityManager;
  loaders: TLoaders;
  logger: Logger;
  infrastructure: Infrastructure;
  /** Queues a domain event in the outbox; it is committed by the request's next flush. */
  emit(event: NewEvent): void;
}

// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
type ClassList = Function[];

/** Everything the platform needs to run one subgraph; each subgraph exports one from `src/service.ts`. */
export interface SubgraphDefinition<TLoaders = unknown> {
  /** Lower-case name; also its Postgres schema and its name in rover.yaml. */
  name: string;
  defaultPort: number;
  entities: ClassList;
  migrations: MigrationObject[];
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  resolvers: NonEmptyArray<Function>;
  orphanedTypes?: ClassList;
  referenceResolvers: ReferenceResolvers<SubgraphContext<TLoaders>>;
  /** DataLoaders for one request: every batched lookup of the subgraph goes through them. */
  createLoaders(em: EntityManager): TLoaders;
}

export function defineSubgraph<TLoaders>(definition: SubgraphDefinition<TLoaders>): SubgraphDefinition<TLoaders> {
  return definition;
}
