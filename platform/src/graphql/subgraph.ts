import type { MigrationObject } from '@mikro-orm/core';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Viewer } from '../auth/viewer.js';
import type { NonEmptyArray } from 'type-graphql';
import type { EventConsumer } from '../events/consumer.js';
import type { NewEvent } from '../events/outbox.js';
import type { Locale } from '../http/locale.js';
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
  /** The caller, from the verified access token the gateway forwarded; null when anonymous. */
  viewer: Viewer | null;
  /** The caller's IP address as the gateway saw it. */
  clientIp: string;
  /** The caller's language, from the Accept-Language the gateway forwards (French by default). */
  locale: Locale;
  auth: AuthSettings;
  /** Public base URL of the web client, for links in messages. */
  clientUrl: string;
}

/** How tokens are issued and checked across the platform. */
export interface AuthSettings {
  issuer: string;
  audience: string;
  jwksUrl: string;
  /** Shared by the gateway and the subgraphs: a subgraph answers only calls that carry it. */
  internalSecret: string;
  /** Failed sign-in attempts allowed per account and per IP address within the window, before a lock. */
  throttle: { maxFailuresPerAccount: number; maxFailuresPerIp: number; windowSeconds: number };
}

/** What a subgraph's start hook and extra HTTP routes receive. */
export interface SubgraphRuntime {
  /** A fresh entity manager fork for this use. */
  em(): EntityManager;
  logger: Logger;
  infrastructure: Infrastructure;
  /** The caller's address: as the gateway forwarded it when the call carries the internal secret, else the socket's. */
  clientIp(req: IncomingMessage): string;
  auth: AuthSettings;
  clientUrl: string;
}

export type SubgraphRoute = (req: IncomingMessage, res: ServerResponse, runtime: SubgraphRuntime) => Promise<void>;

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
  /** DataLoaders for one request (and one caller): every batched lookup of the subgraph goes through them. */
  createLoaders(em: EntityManager, viewer: Viewer | null): TLoaders;
  /**
   * Runs once after migrations, before the subgraph takes requests. It may return a function stopping what it
   * started (timers, workers), called when the subgraph stops, before its database closes.
   */
  onStart?(runtime: SubgraphRuntime): Promise<void | (() => Promise<void>)>;
  /** Handlers of domain events published by other subgraphs. */
  consumers?: EventConsumer[];
  /** Extra HTTP endpoints by path (public: no internal secret), e.g. the auth service's JWKS. */
  routes?: Record<string, SubgraphRoute>;
}

export function defineSubgraph<TLoaders>(definition: SubgraphDefinition<TLoaders>): SubgraphDefinition<TLoaders> {
  return definition;
}
