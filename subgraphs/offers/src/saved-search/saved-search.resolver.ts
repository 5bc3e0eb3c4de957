import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { OffersContext } from '../context.js';
import { SavedSearch, SavedSearchFilter } from './saved-search.entity.js';
import { SaveSearchInput } from './saved-search.inputs.js';
import { deleteSavedSearch, MAX_SAVED_SEARCHES, mySavedSearches, saveSearch } from './saved-search.service.js';

@Resolver(() => SavedSearch)
export class SavedSearchResolver {
  @Query(() => [SavedSearch], { description: 'The signed-in student’s saved searches, oldest first.' })
  mySavedSearches(@Ctx() ctx: OffersContext): Promise<SavedSearch[]> {
    return mySavedSearches(ctx);
  }

  @Mutation(() => SavedSearch, { description: `Saves an offer search for the signed-in student (at most ${MAX_SAVED_SEARCHES}): each new offer matching it is notified.` })
  saveSearch(@Arg('input', () => SaveSearchInput) input: SaveSearchInput, @Ctx() ctx: OffersContext): Promise<SavedSearch> {
    return saveSearch(ctx, input);
  }

  @Mutation(() => Boolean, { description: 'Deletes one of the signed-in student’s saved searches.' })
  deleteSavedSearch(@Arg('id', () => ID) id: string, @Ctx() ctx: OffersContext): Promise<boolean> {
    return deleteSavedSearch(ctx, id);
  }

  @FieldResolver(() => SavedSearchFilter)
  filter(@Root() search: SavedSearch): SavedSearchFilter {
    return {
      skills: search.skills,
      city: search.city,
      radiusKm: search.radiusKm,
      remote: search.remote,
      minDurationMonths: search.minDurationMonths,
      maxDurationMonths: search.maxDurationMonths,
      minStipendCents: search.minStipendCents,
      startFrom: search.startFrom,
      startTo: search.startTo,
      sectors: search.sectors,
    };
  }
}
