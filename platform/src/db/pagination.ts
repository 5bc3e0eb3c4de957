import type { EntityName, FilterQuery } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { pageRequest, toConnection, type Connection, type PageArgs } from '../graphql/connection.js';

/**
 * One page of a list ordered by id (UUIDv7, so creation order) with keyset pagination: rows after the cursor's
 * id, one more than asked for to learn whether another page follows, and the total count of the filtered list.
 */
export async function findPage<T extends { id: string }>(
  em: EntityManager,
  entity: EntityName<T>,
  where: FilterQuery<T>,
  args: PageArgs,
  maxPageSize?: number,
): Promise<Connection<T>> {
  const page = pageRequest(args, maxPageSize);
  const after = page.afterId ? ({ id: { $gt: page.afterId } } as unknown as FilterQuery<T>) : undefined;
  const rows =
    page.limit === 0
      ? []
      : await em.find(entity, after ? ({ $and: [where, after] } as unknown as FilterQuery<T>) : where, {
          orderBy: { id: 'asc' } as never,
          limit: page.limit + 1,
        });
  const total = await em.count(entity, where);
  return toConnection(rows as T[], page, total);
}
