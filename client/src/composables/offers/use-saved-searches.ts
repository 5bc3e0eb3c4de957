import { shallowRef } from 'vue';
import { graphqlClient } from '../../graphql/client';
import { hasErrorCode } from '../../graphql/errors';
import { DeleteSavedSearchDocument, MySavedSearchesDocument, SaveSearchDocument, type SavedSearch } from '../../graphql/offers';
import { searchFilter, type SearchState } from './search-query';

export type SaveOutcome = { ok: true; saved: SavedSearch } | { ok: false; reason: 'invalid' | 'limit' | 'failed'; message?: string };

/** The student's saved searches (at most 20): listed, saved from the current search, deleted. */
export function useSavedSearches() {
  const searches = shallowRef<SavedSearch[]>([]);
  const state = shallowRef<'idle' | 'loading' | 'ready' | 'error'>('idle');

  async function load(): Promise<void> {
    state.value = 'loading';
    const result = await graphqlClient.value.query(MySavedSearchesDocument, {}, { requestPolicy: 'network-only' }).toPromise();
    if (result.data?.mySavedSearches) {
      searches.value = result.data.mySavedSearches;
      state.value = 'ready';
    } else {
      state.value = 'error';
    }
  }

  async function save(name: string, search: SearchState): Promise<SaveOutcome> {
    const result = await graphqlClient.value
      .mutation(SaveSearchDocument, { input: { name, query: search.q.trim() || null, filter: searchFilter(search) } })
      .toPromise();
    const saved = result.data?.saveSearch;
    if (saved) {
      searches.value = [...searches.value, saved];
      return { ok: true, saved };
    }
    if (hasErrorCode(result.error, 'CONFLICT')) return { ok: false, reason: 'limit', message: result.error?.graphQLErrors[0]?.message };
    if (hasErrorCode(result.error, 'BAD_USER_INPUT')) return { ok: false, reason: 'invalid', message: result.error?.graphQLErrors[0]?.message };
    return { ok: false, reason: 'failed' };
  }

  async function remove(id: string): Promise<boolean> {
    const result = await graphqlClient.value.mutation(DeleteSavedSearchDocument, { id }).toPromise();
    if (result.data?.deleteSavedSearch === undefined) return false;
    searches.value = searches.value.filter((search) => search.id !== id);
    return true;
  }

  return { searches, state, load, save, remove };
}
