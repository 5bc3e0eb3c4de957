import { MikroORM, type EntityManager, type Options } from '@mikro-orm/postgresql';
import { Migrator } from '@mikro-orm/migrations';
import type { MigrationObject } from '@mikro-orm/core';
import { platformMigrations, platformEntities } from './platform-tables.js';

export type { EntityManager };

export interface DatabaseOptions {
  /** Postgres schema owned by the subgraph; its tables, outbox and migration history live there. */
  schema: string;
  url: string;
  entities: NonNullable<Options['entities']>;
  migrations: MigrationObject[];
  poolMax: number;
}

export interface Database {
  orm: MikroORM;
  schema: string;
  /** Applies committed migrations that have not run yet; returns their names. */
  migrate(): Promise<string[]>;
  /** Executes a listener for every SQL statement sent (used by tests to count queries). */
  onQuery(listener: (sql: string) => void): () => void;
  isReachable(): Promise<boolean>;
  close(): Promise<void>;
}

export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  const orm = await MikroORM.init({
    clientUrl: options.url,
    schema: options.schema,
    entities: [...options.entities, ...platformEntities(options.schema)],
    discovery: { warnWhenNoEntities: false },
    extensions: [Migrator],
    migrations: {
      migrationsList: [...platformMigrations(options.schema), ...options.migrations],
      tableName: 'mikro_orm_migrations',
      transactional: true,
      allOrNothing: true,
      snapshot: false,
      silent: true,
    },
    pool: { min: 0, max: options.poolMax },
    allowGlobalContext: false,
    forceUtcTimezone: true,
    ensureDatabase: false,
    debug: false,
  });
  const knex = orm.em.getConnection().getKnex();
  return {
    orm,
    schema: options.schema,
    async migrate() {
      const applied = await orm.getMigrator().up();
      return applied.map((migration) => migration.name);
    },
    onQuery(listener) {
      const handler = (query: { sql: string }) => listener(query.sql);
      knex.on('query', handler);
      return () => knex.off('query', handler);
    },
    async isReachable() {
      try {
        await orm.em.getConnection().execute('select 1');
        return true;
      } catch {
        return false;
      }
    },
    close: () => orm.close(true),
  };
}
