import { authorize, badUserInput, conflict, hasRole, notFound, parseId, type EntityManager } from '@stages/platform';
import type { OffersContext } from '../context.js';
import { searchCriteria } from '../search/search.criteria.js';
import { SavedSearch } from './saved-search.entity.js';
import type { SaveSearchInput } from './saved-search.inputs.js';

export const MAX_SAVED_SEARCHES = 20;

function studentViewer(ctx: OffersContext) {
  authorize(ctx.viewer, hasRole(ctx.viewer, 'STUDENT'), 'Only students save searches.');
  return ctx.viewer!;
}

/** Saves a search for the signed-in student (at most 20 each). */
export async function saveSearch(ctx: OffersContext, input: SaveSearchInput): Promise<SavedSearch> {
  const viewer = studentViewer(ctx);
  const name = input.name.replace(/\s+/g, ' ').trim();
  if (name.length < 1 || name.length > 100) throw badUserInput('name', 'name must have 1 to 100 characters.');
  const criteria = searchCriteria(input.query, input.filter);
  return ctx.em.transactional(async (em) => {
    // One save at a time per student, so two at once cannot pass the limit together.
    await em.getConnection().execute('select pg_advisory_xact_lock(hashtextextended(?, 0))', [`offers.saved_search:${viewer.subject}`], 'all', em.getTransactionContext());
    const count = await em.count(SavedSearch, { userId: viewer.subject });
    if (count >= MAX_SAVED_SEARCHES) throw conflict(`You have ${MAX_SAVED_SEARCHES} saved searches already: delete one first.`, { limit: MAX_SAVED_SEARCHES });
    return em.create(SavedSearch, {
      userId: viewer.subject,
      studentId: viewer.studentId ?? null,
      name,
      query: criteria.query,
      skills: criteria.skills,
      city: criteria.near?.city ?? criteria.city,
      radiusKm: criteria.near?.radiusKm ?? null,
      centerLatitude: criteria.near?.latitude ?? null,
      centerLongitude: criteria.near?.longitude ?? null,
      remote: criteria.remote,
      minDurationMonths: criteria.minDurationMonths,
      maxDurationMonths: criteria.maxDurationMonths,
      minStipendCents: criteria.minStipendCents,
      startFrom: criteria.startFrom,
      startTo: criteria.startTo,
      sectors: criteria.sectors,
      createdAt: new Date(),
    });
  });
}

/** The signed-in student's saved searches, oldest first. */
export function mySavedSearches(ctx: OffersContext): Promise<SavedSearch[]> {
  const viewer = studentViewer(ctx);
  return ctx.em.find(SavedSearch, { userId: viewer.subject }, { orderBy: { id: 'asc' } });
}

/** Deletes one of the signed-in student's saved searches (NOT_FOUND for anyone else's, which they cannot know of). */
export async function deleteSavedSearch(ctx: OffersContext, id: string): Promise<boolean> {
  const viewer = studentViewer(ctx);
  const deleted = await ctx.em.nativeDelete(SavedSearch, { id: parseId(id), userId: viewer.subject });
  if (deleted === 0) throw notFound('SavedSearch', id);
  return true;
}

/**
 * The saved searches a published offer matches, in one query: the stored tsquery against the offer's vector, then
 * every stored filter (skills all present, distance or city, remote, duration, stipend, start date, sector).
 */
export async function savedSearchesMatching(em: EntityManager, offerId: string): Promise<Array<{ id: string; user_id: string; name: string; title: string }>> {
  return em.getConnection().execute(
    `select s."id", s."user_id", s."name", o."title"
     from "offers"."offer" as o
     join "offers"."saved_search" as s on
       (s."ts_query" is null or o."search_vector" @@ s."ts_query")
       and o."skill_keys" @> s."skill_keys"
       and (s."radius_km" is null or (o."latitude" is not null and "offers"."distance_km"(o."latitude", o."longitude", s."center_latitude", s."center_longitude") <= s."radius_km"))
       and (s."radius_km" is not null or s."city" is null or "offers"."fold"(o."city") = "offers"."fold"(s."city"))
       and (cardinality(s."remote") = 0 or o."remote" = any(s."remote"))
       and (s."min_duration_months" is null or o."duration_months" >= s."min_duration_months")
       and (s."max_duration_months" is null or o."duration_months" <= s."max_duration_months")
       and (s."min_stipend_cents" is null or s."min_stipend_cents" = 0 or o."stipend_cents" >= s."min_stipend_cents")
       and (s."start_from" is null or o."start_date" >= s."start_from")
       and (s."start_to" is null or o."start_date" <= s."start_to")
       and (cardinality(s."sectors") = 0 or o."sector" = any(s."sectors"))
     where o."id" = ? and o."status" = 'PUBLISHED'
     order by s."id"`,
    [offerId],
    'all',
    em.getTransactionContext(),
  );
}
