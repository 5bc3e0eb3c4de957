import {
  getArgumentValues,
  GraphQLError,
  Kind,
  type DocumentNode,
  type ExecutionArgs,
  type ExecutionResult,
  type FieldNode,
  type GraphQLFormattedError,
  type OperationDefinitionNode,
} from 'graphql';
import { isSystemAdmin, type Logger, type Viewer } from '@stages/platform';
import type { HubSignal, LiveHub } from './live-hub.js';
import type { LiveMessage } from './live-message.js';
import { LIVE_ALIAS, LIVE_ID_VARIABLE, liveQuery } from './live-query.js';
import { LiveStream } from './live-stream.js';

/** Who holds a subscription: the viewer and token proven at connection time. */
export interface Subscriber {
  viewer: Viewer | null;
  accessToken: string | undefined;
  clientIp: string;
  /** Ends the connection when its token is refused (a client reconnects with a fresh one). */
  revoke?: () => void;
}

/** Runs a query through this gateway with the subscriber's credentials. */
export type RunQuery = (document: DocumentNode, variables: Record<string, unknown>, subscriber: Subscriber) => Promise<ExecutionResult>;

interface OfferFilter {
  cities?: string[] | null;
  remote?: string[] | null;
  enterpriseId?: string | null;
  titleContains?: string | null;
}

interface FieldSpec {
  kind: LiveMessage['kind'];
  /** Query root field that loads one object by id. */
  queryField: string;
  /** Argument naming one object; without it the subscription covers all the caller may see. */
  idArgument?: string;
  signedIn: 'always' | 'without-id' | 'never';
  /** Cheap relevance test before the authorizing query runs. */
  matches(message: LiveMessage, subscriber: Subscriber, args: Record<string, unknown>): boolean;
}

/** Pending pushes per subscription before it is ended as too slow. */
const MAX_PENDING = 500;
const HIDDEN = new Set(['FORBIDDEN', 'NOT_FOUND']);

/** Whether the message concerns the viewer's own organisations (the authorizing query still decides). */
function concernsViewer(message: LiveMessage, viewer: Viewer | null): boolean {
  if (!viewer) return false;
  if (isSystemAdmin(viewer)) return true;
  const own = new Set([viewer.subject, viewer.studentId, viewer.enterpriseId, viewer.universityId].filter(Boolean));
  return Object.values(message.match).some((value) => value !== null && own.has(value));
}

const fold = (text: string) => text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().trim();

export function offerMatches(filter: OfferFilter | null | undefined, match: LiveMessage['match']): boolean {
  if (!filter) return true;
  if (filter.cities?.length && !filter.cities.some((city) => fold(city) === fold(match.city ?? ''))) return false;
  if (filter.remote?.length && !filter.remote.includes(match.remote ?? '')) return false;
  if (filter.enterpriseId && filter.enterpriseId !== match.enterpriseId) return false;
  if (filter.titleContains) {
    const title = fold(match.title ?? '');
    if (!fold(filter.titleContains).split(/\s+/).every((word) => title.includes(word))) return false;
  }
  return true;
}

export const LIVE_FIELDS: Record<string, FieldSpec> = {
  applicationStatusChanged: {
    kind: 'application',
    queryField: 'application',
    idArgument: 'applicationId',
    signedIn: 'without-id',
    matches: (message, subscriber, args) => (args.applicationId ? message.id === args.applicationId : concernsViewer(message, subscriber.viewer)),
  },
  notificationReceived: {
    kind: 'notification',
    queryField: 'notification',
    signedIn: 'always',
    matches: (message, subscriber) => message.match.recipientUserId === subscriber.viewer?.subject,
  },
  internshipUpdated: {
    kind: 'internship',
    queryField: 'internship',
    idArgument: 'internshipId',
    signedIn: 'without-id',
    matches: (message, subscriber, args) => (args.internshipId ? message.id === args.internshipId : concernsViewer(message, subscriber.viewer)),
  },
  offerPublished: {
    kind: 'offer',
    queryField: 'offer',
    signedIn: 'never',
    matches: (message, _subscriber, args) => offerMatches(args.filter as OfferFilter | null | undefined, message.match),
  },
};

const errorResult = (message: string, code: string, extra: Record<string, unknown> = {}): ExecutionResult => ({
  errors: [new GraphQLError(message, { extensions: { code, ...extra } })],
});

function codeOf(error: GraphQLFormattedError | GraphQLError): unknown {
  return error.extensions?.code;
}

/** Errors of a gateway response (already formatted and masked) as graphql-ws sends them, under `path`. */
function revive(errors: readonly (GraphQLFormattedError | GraphQLError)[], path?: (root: readonly (string | number)[]) => (string | number)[]): GraphQLError[] {
  return errors.map(
    (error) => new GraphQLError(error.message, { path: error.path && path ? path(error.path) : error.path, extensions: error.extensions }),
  );
}

/**
 * graphql-ws's `subscribe`: checks the caller may subscribe (signed in where needed; the object visible, by
 * loading it through the gateway), then for each matching event loads the fields the client asked for with the
 * caller's credentials. An event about something the caller may not see is not pushed; an expired or revoked
 * token ends the subscription with UNAUTHENTICATED.
 */
export function createLiveSubscribe(hub: LiveHub, runQuery: RunQuery, logger: Logger) {
  return async (args: ExecutionArgs, subscriber: Subscriber): Promise<AsyncIterableIterator<ExecutionResult> | ExecutionResult> => {
    const operation = args.document.definitions.find(
      (definition): definition is OperationDefinitionNode =>
        definition.kind === Kind.OPERATION_DEFINITION && (!args.operationName || definition.name?.value === args.operationName),
    );
    const field = operation?.selectionSet.selections.find((selection): selection is FieldNode => selection.kind === Kind.FIELD);
    const spec = field && LIVE_FIELDS[field.name.value];
    if (!operation || !field || !spec) return errorResult('Unknown subscription.', 'BAD_USER_INPUT');
    const subscriptionType = args.schema.getSubscriptionType()!;
    const fieldArgs = getArgumentValues(subscriptionType.getFields()[field.name.value]!, field, args.variableValues ?? {});
    const id = spec.idArgument ? (fieldArgs[spec.idArgument] as string | undefined) : undefined;
    const filter = fieldArgs.filter as OfferFilter | undefined;
    if (filter?.titleContains && filter.titleContains.length > 200) return errorResult('titleContains: at most 200 characters.', 'BAD_USER_INPUT', { field: 'filter.titleContains' });
    if (filter?.cities && filter.cities.length > 50) return errorResult('cities: at most 50.', 'BAD_USER_INPUT', { field: 'filter.cities' });
    if (!subscriber.viewer && (spec.signedIn === 'always' || (spec.signedIn === 'without-id' && !id))) {
      return errorResult('Sign in to receive these updates.', 'UNAUTHENTICATED');
    }

    const variables = { ...(args.variableValues as Record<string, unknown> | undefined) };
    const query = liveQuery(args.document, operation, field, spec.queryField);
    if (id) {
      // Authorization at subscribe time: the caller must be able to load the object now.
      const probe = liveQuery(args.document, operation, { ...field, selectionSet: undefined }, spec.queryField);
      const result = await runQuery(probe, { [LIVE_ID_VARIABLE]: id }, subscriber);
      if (result.errors?.length) return { errors: revive(result.errors, () => [field.alias?.value ?? field.name.value]) };
    }

    const responseKey = field.alias?.value ?? field.name.value;
    let chain = Promise.resolve();
    const stream: LiveStream<ExecutionResult> = new LiveStream<ExecutionResult>(
      MAX_PENDING,
      () => stopListening(),
      () => {
        logger.warn({ subscription: field.name.value }, 'subscriber too slow; subscription ended');
        stream.push(errorResult('Too many updates waiting for this subscriber; subscribe again.', 'SERVICE_UNAVAILABLE'));
        stream.end();
      },
    );

    const push = async (message: LiveMessage) => {
      const result = await runQuery(query, { ...variables, [LIVE_ID_VARIABLE]: message.id }, subscriber).catch(
        (error: unknown): ExecutionResult => {
          logger.error({ err: error, eventId: message.eventId }, 'live update could not be resolved');
          return errorResult('This update could not be loaded.', 'INTERNAL_SERVER_ERROR');
        },
      );
      const errors = result.errors ?? [];
      if (errors.some((error) => codeOf(error) === 'UNAUTHENTICATED')) {
        // The token no longer works: it is the connection's, so the connection ends (4401) and the client
        // comes back with a fresh one; without a socket, this subscription ends with the error.
        if (subscriber.revoke) return subscriber.revoke();
        stream.push(errorResult('Your session has expired; sign in again to keep receiving updates.', 'UNAUTHENTICATED'));
        return stream.end();
      }
      const data = (result.data as Record<string, unknown> | null | undefined)?.[LIVE_ALIAS];
      // Authorization per pushed event: what the caller may not load, they are not told about.
      if (data == null && errors.some((error) => HIDDEN.has(codeOf(error) as string))) return;
      stream.push({
        data: { [responseKey]: data ?? null },
        ...(errors.length ? { errors: revive(errors, (path) => [responseKey, ...path.slice(1)]) } : {}),
      });
    };

    const stopListening = hub.listen((signal: HubSignal) => {
      if (signal.kind === 'status') {
        if (signal.status.state === 'down') {
          stream.push(errorResult(`Live updates are interrupted: ${signal.status.reason}. They resume by themselves.`, 'SERVICE_UNAVAILABLE', { live: 'interrupted' }));
        }
        return;
      }
      const { message } = signal;
      if (message.kind !== spec.kind || !spec.matches(message, subscriber, fieldArgs)) return;
      // One at a time, in the order the events arrived.
      chain = chain.then(() => (stream.ended ? undefined : push(message)));
    });
    return stream;
  };
}
