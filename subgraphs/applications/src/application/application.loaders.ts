import DataLoader from 'dataloader';
import { pageRequest, toConnection, type Connection, type EntityManager, type PageArgs, type RowScope } from '@stages/platform';
import { Application, ApplicationStatus } from './application.entity.js';

/** Schema-qualified table of applications and the column of each property. */
function applicationTable(em: EntityManager) {
  const meta = em.getMetadata().get(Application.name);
  const schema = meta.schema ?? em.config.get('schema');
  const properties = meta.properties as unknown as Record<string, { fieldNames: string[] }>;
  const column = (property: string) => properties[property]!.fieldNames[0]!;
  return { table: `${schema ? `${schema}.` : ''}${meta.tableName}`, column };
}

/** A caller's row filter as column conditions. */
function scopeColumns(column: (property: string) => string, scope: RowScope<Application>): Record<string, string> {
  return Object.fromEntries(Object.entries(scope).map(([property, value]) => [column(property), value as string]));
}

/** The statuses asked for, in the enum's order and once each; empty means all. */
const statusKey = (statuses: readonly ApplicationStatus[] | null | undefined): string =>
  Object.values(ApplicationStatus)
    .filter((status) => statuses?.includes(status))
    .join(',');

/** Groups items by a key, keeping their order (Map.groupBy is not in Node 20). */
function groupBy<T>(items: readonly T[], keyOf: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) groups.set(keyOf(item), [...(groups.get(keyOf(item)) ?? []), item]);
  return groups;
}

interface PageKey {
  offerId: string;
  limit: number;
  afterId: string | null;
  statuses: string;
}

const pageKeyId = (key: PageKey) => `${key.offerId}|${key.limit}|${key.afterId ?? ''}|${key.statuses}`;

/**
 * Pages of each offer's applications the caller may see, optionally of some statuses only: one windowed query
 * per batch (per page size, cursor and status filter) for the rows and one grouped query for the totals,
 * whatever the number of offers.
 */
export function offerApplicationsLoader(em: EntityManager, scope: RowScope<Application>) {
  const { table, column } = applicationTable(em);
  const scoped = scopeColumns(column, scope);
  const [offerColumn, statusColumn] = [column('offerId'), column('status')];

  const totals = new DataLoader<{ offerId: string; statuses: string }, number, string>(
    async (keys) => {
      const found = new Map<string, number>();
      const groups = groupBy(keys, (key) => key.statuses);
      for (const [statuses, group] of groups) {
        const query = em
          .getKnex()(table)
          .select({ key: offerColumn })
          .count({ count: '*' })
          .whereIn(offerColumn, group.map((key) => key.offerId))
          .andWhere(scoped)
          .groupBy(offerColumn);
        if (statuses) query.whereIn(statusColumn, statuses.split(','));
        const rows = (await query) as unknown as Array<{ key: string; count: string }>;
        for (const row of rows) found.set(`${row.key}|${statuses}`, Number(row.count));
      }
      return keys.map((key) => found.get(`${key.offerId}|${key.statuses}`) ?? 0);
    },
    { cacheKeyFn: (key) => `${key.offerId}|${key.statuses}` },
  );

  const pages = new DataLoader<PageKey, Application[], string>(
    async (keys) => {
      const found = new Map<string, Application[]>();
      const groups = groupBy(keys, (key) => `${key.limit}|${key.afterId ?? ''}|${key.statuses}`);
      for (const group of groups.values()) {
        const { limit, afterId, statuses } = group[0]!;
        const knex = em.getKnex();
        const inner = knex(table)
          .select('*', knex.raw('row_number() over (partition by ?? order by id) as "_rank"', [offerColumn]))
          .whereIn(offerColumn, group.map((key) => key.offerId))
          .andWhere(scoped);
        if (statuses) inner.whereIn(statusColumn, statuses.split(','));
        if (afterId) inner.andWhere('id', '>', afterId);
        const rows: Array<Record<string, unknown>> = await knex.select('*').from(inner.as('ranked')).where('_rank', '<=', limit + 1).orderBy('id');
        for (const row of rows) {
          delete row._rank;
          const id = pageKeyId({ offerId: String(row[offerColumn]), limit, afterId, statuses });
          found.set(id, [...(found.get(id) ?? []), em.map(Application, row as never)]);
        }
      }
      return keys.map((key) => found.get(pageKeyId(key)) ?? []);
    },
    { cacheKeyFn: pageKeyId },
  );

  return {
    async load(offerId: string, args: PageArgs, statuses?: readonly ApplicationStatus[] | null): Promise<Connection<Application>> {
      const page = pageRequest(args);
      const key = statusKey(statuses);
      const [rows, total] = await Promise.all([
        page.limit === 0 ? Promise.resolve([]) : pages.load({ offerId, limit: page.limit, afterId: page.afterId, statuses: key }),
        totals.load({ offerId, statuses: key }),
      ]);
      return toConnection(rows, page, total);
    },
  };
}

export interface ApplicationStatusCountValue {
  status: ApplicationStatus;
  count: number;
}

/** Each offer's number of applications in every status (zeros included, in the process's order), one grouped query per batch. */
export function statusCountsLoader(em: EntityManager, scope: RowScope<Application>): DataLoader<string, ApplicationStatusCountValue[]> {
  const { table, column } = applicationTable(em);
  const scoped = scopeColumns(column, scope);
  const [offerColumn, statusColumn] = [column('offerId'), column('status')];
  return new DataLoader(async (offerIds) => {
    const rows: Array<{ offer: string; status: ApplicationStatus; count: string }> = await em
      .getKnex()(table)
      .select({ offer: offerColumn, status: statusColumn })
      .count({ count: '*' })
      .whereIn(offerColumn, [...offerIds])
      .andWhere(scoped)
      .groupBy(offerColumn, statusColumn);
    const counts = new Map(rows.map((row) => [`${row.offer}|${row.status}`, Number(row.count)]));
    return offerIds.map((offerId) => Object.values(ApplicationStatus).map((status) => ({ status, count: counts.get(`${offerId}|${status}`) ?? 0 })));
  });
}
