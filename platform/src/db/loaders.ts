import DataLoader from 'dataloader';
import type { EntityName, FilterQuery } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { pageRequest, toConnection, type Connection, type PageArgs } from '../graphql/connection.js';
import { notFound } from '../graphql/errors.js';
import { parseId } from '../graphql/ids.js';
import { authorize } from '../auth/authorize.js';
import type { Viewer } from '../auth/viewer.js';

type WithId = { id: string };

/** Loads entities by id, one query per batch; a missing id resolves to null. */
export function byIdLoader<T extends WithId>(em: EntityManager, entity: EntityName<T>): DataLoader<string, T | null> {
  return new DataLoader(async (ids) => {
    const rows = await em.find(entity, { id: { $in: [...ids] } } as unknown as FilterQuery<T>);
    const byId = new Map(rows.map((row) => [row.id, row]));
    return ids.map((id) => byId.get(id) ?? null);
  });
}

/** Loads the entities whose `foreignKey` equals each key, one query per batch, ordered by id. */
export function byForeignKeyLoader<T extends WithId>(
  em: EntityManager,
  entity: EntityName<T>,
  foreignKey: keyof T & string,
): DataLoader<string, T[]> {
  return new DataLoader(async (keys) => {
    const rows = await em.find(entity, { [foreignKey]: { $in: [...keys] } } as unknown as FilterQuery<T>, {
      orderBy: { id: 'asc' } as never,
    });
    const groups = new Map<string, T[]>(keys.map((key) => [key, []]));
    for (const row of rows) groups.get(String(row[foreignKey]))?.push(row);
    return keys.map((key) => groups.get(key) ?? []);
  });
}

/** Schema-qualified table and column of an entity's property, for queries the ORM cannot express. */
function columnOf<T extends object>(em: EntityManager, entity: EntityName<T>, property: keyof T & string) {
  const meta = em.getMetadata().get(typeof entity === 'string' ? entity : (entity as { name: string }).name);
  const schema = meta.schema ?? em.config.get('schema');
  return { table: `${schema ? `${schema}.` : ''}${meta.tableName}`, column: meta.properties[property]!.fieldNames[0]! };
}

/** Equality conditions on properties that restrict which rows a caller may see (e.g. `{ studentId }`). */
export type RowScope<T> = { [K in keyof T as string extends T[K] ? K : never]?: string };

function scopeColumns<T extends object>(em: EntityManager, entity: EntityName<T>, scope: RowScope<T>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(scope).map(([property, value]) => [columnOf(em, entity, property as keyof T & string).column, value as string]),
  );
}

/** Counts the rows whose `foreignKey` equals each key, one grouped query per batch. */
export function countByForeignKeyLoader<T extends object>(
  em: EntityManager,
  entity: EntityName<T>,
  foreignKey: keyof T & string,
  scope: RowScope<T> = {},
): DataLoader<string, number> {
  const { table, column } = columnOf(em, entity, foreignKey);
  const scoped = scopeColumns(em, entity, scope);
  return new DataLoader(async (keys) => {
    const rows: Array<{ key: string; count: string }> = await em
      .getKnex()(table)
      .select({ key: column })
      .count({ count: '*' })
      .whereIn(column, [...keys])
      .andWhere(scoped)
      .groupBy(column);
    const counts = new Map(rows.map((row) => [String(row.key), Number(row.count)]));
    return keys.map((key) => counts.get(key) ?? 0);
  });
}

interface PageKey {
  key: string;
  limit: number;
  afterId: string | null;
}

const pageKeyId = (key: PageKey) => `${key.key}|${key.limit}|${key.afterId ?? ''}`;

/**
 * Pages of the rows whose `foreignKey` equals each key (e.g. the applications of each offer in a list): one
 * windowed query per batch for the rows and one grouped query for the totals, whatever the number of parents.
 */
export function connectionByForeignKeyLoader<T extends WithId>(
  em: EntityManager,
  entity: EntityName<T>,
  foreignKey: keyof T & string,
  scope: RowScope<T> = {},
  maxPageSize?: number,
): { load(key: string, args: PageArgs): Promise<Connection<T>> } {
  const { table, column } = columnOf(em, entity, foreignKey);
  const scoped = scopeColumns(em, entity, scope);
  const counts = countByForeignKeyLoader(em, entity, foreignKey, scope);
  const rows = new DataLoader<PageKey, T[], string>(
    async (keys) => {
      const groups = new Map<string, PageKey[]>();
      for (const key of keys) {
        const group = `${key.limit}|${key.afterId ?? ''}`;
        groups.set(group, [...(groups.get(group) ?? []), key]);
      }
      const found = new Map<string, T[]>();
      for (const group of groups.values()) {
        const { limit, afterId } = group[0]!;
        const knex = em.getKnex();
        const inner = knex(table)
          .select('*', knex.raw('row_number() over (partition by ?? order by id) as "_rank"', [column]))
          .whereIn(column, group.map((key) => key.key))
          .andWhere(scoped);
        if (afterId) inner.andWhere('id', '>', afterId);
        const result: Array<Record<string, unknown>> = await knex
          .select('*')
          .from(inner.as('ranked'))
          .where('_rank', '<=', limit + 1)
          .orderBy('id');
        for (const row of result) {
          delete row._rank;
          const id = pageKeyId({ key: String(row[column]), limit, afterId });
          found.set(id, [...(found.get(id) ?? []), em.map(entity, row as never)]);
        }
      }
      return keys.map((key) => found.get(pageKeyId(key)) ?? []);
    },
    { cacheKeyFn: pageKeyId },
  );
  return {
    async load(key, args) {
      const page = pageRequest(args, maxPageSize);
      const [pageRows, total] = await Promise.all([
        page.limit === 0 ? Promise.resolve([]) : rows.load({ key, limit: page.limit, afterId: page.afterId }),
        counts.load(key),
      ]);
      return toConnection(pageRows, page, total);
    },
  };
}

/** Validates an id argument and loads it through a by-id loader; NOT_FOUND when there is no such row. */
export async function loadByIdOrThrow<T>(loader: DataLoader<string, T | null>, type: string, id: string): Promise<T> {
  const found = await loader.load(parseId(id));
  if (!found) throw notFound(type, id);
  return found;
}

/** Loads a row by id for a caller: NOT_FOUND when missing, then UNAUTHENTICATED/FORBIDDEN unless `canRead`. */
export async function loadVisibleOrThrow<T>(
  loader: DataLoader<string, T | null>,
  type: string,
  id: string,
  viewer: Viewer | null,
  canRead: (row: T) => boolean | Promise<boolean>,
): Promise<T> {
  const row = await loadByIdOrThrow(loader, type, id);
  authorize(viewer, await canRead(row));
  return row;
}

/**
 * `__resolveReference` with the same rule as the root field: `_entities` bypasses root fields, so every entity a
 * subgraph resolves for the gateway is checked here too. A missing row resolves to null.
 */
export async function resolveVisibleReference<T>(
  loader: DataLoader<string, T | null>,
  id: string,
  viewer: Viewer | null,
  canRead: (row: T) => boolean | Promise<boolean>,
): Promise<T | null> {
  const row = await loader.load(parseId(id));
  if (!row) return null;
  authorize(viewer, await canRead(row));
  return row;
}
