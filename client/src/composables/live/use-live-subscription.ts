import type { AnyVariables, TypedDocumentNode } from '@urql/vue';
import { computed, onScopeDispose, shallowRef, watch } from 'vue';
import { graphqlClient } from '../../graphql/client';
import { hasErrorCode } from '../../graphql/errors';
import { liveStatus } from '../../graphql/live';

export interface LiveSubscriptionOptions<TData, TVariables extends AnyVariables> {
  query: TypedDocumentNode<TData, TVariables>;
  /** The variables, read reactively; null while there is nothing to subscribe to (not loaded, signed out). */
  variables: () => TVariables | null;
  /** Each pushed result that carries data. */
  onData: (data: TData) => void;
  /**
   * Live updates flow again after a gap (socket reopened, event hub back): events of the gap may be lost, so
   * the view reloads what it shows.
   */
  onResume?: () => void;
}

/**
 * A subscription for as long as the calling component (or effect scope) lives, on the app's current client:
 * restarted when the variables change or the client is replaced (sign-in, sign-out). A pushed
 * SERVICE_UNAVAILABLE error (the server's event hub is down, the subscription stays open) marks it paused until
 * the next data, which the header shows as a discreet hint. A FORBIDDEN or other error at subscribe time ends it
 * quietly: the page still shows what its query returned.
 */
export function useLiveSubscription<TData, TVariables extends AnyVariables>(
  options: LiveSubscriptionOptions<TData, TVariables>,
) {
  const key = Symbol('live-subscription');
  const paused = shallowRef(false);
  let unsubscribe: (() => void) | null = null;

  function setPaused(value: boolean): void {
    const resumed = paused.value && !value;
    paused.value = value;
    if (value) liveStatus.unavailable.add(key);
    else liveStatus.unavailable.delete(key);
    if (resumed) options.onResume?.();
  }

  function stop(): void {
    unsubscribe?.();
    unsubscribe = null;
    paused.value = false;
    liveStatus.unavailable.delete(key);
  }

  const variablesKey = computed(() => {
    const variables = options.variables();
    return variables === null ? null : JSON.stringify(variables);
  });

  watch(
    [graphqlClient, variablesKey],
    ([client, serialized]) => {
      stop();
      if (serialized === null) return;
      const variables = JSON.parse(serialized) as TVariables;
      const subscription = client.subscription(options.query, variables).subscribe((result) => {
        if (result.data) {
          setPaused(false);
          options.onData(result.data);
        } else if (hasErrorCode(result.error, 'SERVICE_UNAVAILABLE')) {
          setPaused(true);
        }
      });
      unsubscribe = () => subscription.unsubscribe();
    },
    { immediate: true },
  );

  // A socket reopened after a drop: this subscription was sent again, but events of the gap are gone.
  watch(
    () => liveStatus.resumed,
    () => {
      if (unsubscribe) options.onResume?.();
    },
  );

  onScopeDispose(stop);

  return { paused };
}
