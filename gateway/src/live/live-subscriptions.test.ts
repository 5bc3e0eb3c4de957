import { buildSchema, parse, type ExecutionResult } from 'graphql';
import { describe, expect, it } from 'vitest';
import { createLogger, createPubSub, type PubSub, type PubSubStatus, type Viewer } from '@stages/platform';
import { LiveHub } from './live-hub.js';
import { LIVE_CHANNEL, type LiveMessage } from './live-message.js';
import { createLiveSubscribe, offerMatches, type RunQuery, type Subscriber } from './live-subscriptions.js';

const schema = buildSchema(`
  type Query { application(id: ID!): Application! offer(id: ID!): Offer! }
  type Application { id: ID! status: String! }
  type Offer { id: ID! title: String! }
  enum RemotePolicy { ON_SITE HYBRID REMOTE }
  input OfferPublishedFilter { cities: [String!] remote: [RemotePolicy!] enterpriseId: ID titleContains: String }
  type Subscription { applicationStatusChanged(applicationId: ID): Application! offerPublished(filter: OfferPublishedFilter): Offer! }
`);

const student: Viewer = { subject: 'u-1', kind: 'user', roles: ['STUDENT'], studentId: 's-1', scopes: [] };
const message = (id: string, match: Record<string, string | null>, kind: LiveMessage['kind'] = 'application'): LiveMessage => ({
  kind,
  id,
  eventId: `e-${id}`,
  type: 'application.shortlisted',
  time: new Date().toISOString(),
  match,
});

/** The memory hub, whose connection state a test can change (as Redis going away would). */
async function hubWithStatus(): Promise<PubSub & { setStatus(status: PubSubStatus): void }> {
  const pubsub = await createPubSub({ REDIS_URL: undefined, REDIS_KEY_PREFIX: 'test:' });
  const listeners = new Set<(status: PubSubStatus) => void>();
  return Object.assign(pubsub, {
    onStatus: (listener: (status: PubSubStatus) => void) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    setStatus: (status: PubSubStatus) => listeners.forEach((listener) => listener(status)),
  });
}

async function setUp(runQuery: RunQuery, subscriber: Subscriber, query: string, variableValues: Record<string, unknown> = {}) {
  const pubsub = await hubWithStatus();
  const hub = await LiveHub.start(pubsub, createLogger('test', 'fatal'));
  const subscribe = createLiveSubscribe(hub, runQuery, createLogger('test', 'fatal'));
  const stream = (await subscribe({ schema, document: parse(query), variableValues }, subscriber)) as AsyncIterableIterator<ExecutionResult>;
  const publish = async (live: LiveMessage) => {
    await pubsub.publish(LIVE_CHANNEL, live);
    await new Promise((resolve) => setTimeout(resolve, 10));
  };
  return { stream, publish, pubsub };
}

describe('live subscriptions', () => {
  it('should push what the subscriber may load, under the alias asked for, and skip what they may not', async () => {
    const runQuery: RunQuery = async (_document, variables) =>
      variables.__liveId === 'a-hidden'
        ? { data: null, errors: [{ message: 'Forbidden', path: ['__live'], extensions: { code: 'FORBIDDEN' } }] as never }
        : { data: { __live: { id: variables.__liveId, status: 'SHORTLISTED' } } };
    const { stream, publish } = await setUp(runQuery, { viewer: student, accessToken: 't', clientIp: '127.0.0.1' }, 'subscription { changed: applicationStatusChanged { id status } }');
    await publish(message('a-hidden', { studentId: 's-1' }));
    await publish(message('a-other', { studentId: 's-2' }));
    await publish(message('a-mine', { studentId: 's-1' }));
    expect(await stream.next()).toEqual({ done: false, value: { data: { changed: { id: 'a-mine', status: 'SHORTLISTED' } } } });
    await stream.return!();
    expect(await stream.next()).toEqual({ done: true, value: undefined });
  });

  it('should end the connection when the token stops being accepted', async () => {
    let revoked = 0;
    const runQuery: RunQuery = async () => ({ data: null, errors: [{ message: 'Expired', extensions: { code: 'UNAUTHENTICATED' } }] as never });
    const { stream, publish } = await setUp(runQuery, { viewer: student, accessToken: 't', clientIp: '127.0.0.1', revoke: () => void revoked++ }, 'subscription { applicationStatusChanged { id } }');
    await publish(message('a-mine', { studentId: 's-1' }));
    expect(revoked).toBe(1);
    await stream.return!();
  });

  it('should tell open subscriptions when the hub goes down, and keep them open', async () => {
    const runQuery: RunQuery = async (_document, variables) => ({ data: { __live: { id: variables.__liveId } } });
    const { stream, pubsub } = await setUp(runQuery, { viewer: null, accessToken: undefined, clientIp: '127.0.0.1' }, 'subscription { offerPublished { id } }');
    pubsub.setStatus({ state: 'down', reason: 'Redis is unreachable' });
    const { value } = await stream.next();
    expect(value.errors[0].extensions).toMatchObject({ code: 'SERVICE_UNAVAILABLE' });
    expect(value.errors[0].message).toBe('Live updates are interrupted: Redis is unreachable. They resume by themselves.');
    await stream.return!();
  });
});

describe('offerMatches', () => {
  const match = { city: 'Saint-Étienne', remote: 'HYBRID', enterpriseId: 'e-1', title: 'Stage Développeur·se TypeScript' };

  it('should compare cities and title words without case or accents', () => {
    expect(offerMatches({ cities: ['saint-etienne'] }, match)).toBe(true);
    expect(offerMatches({ titleContains: 'developpeur typescript' }, match)).toBe(true);
    expect(offerMatches({ titleContains: 'python' }, match)).toBe(false);
  });

  it('should require every criterion given', () => {
    expect(offerMatches({ cities: ['Lyon', 'Saint-Etienne'], remote: ['HYBRID', 'REMOTE'], enterpriseId: 'e-1' }, match)).toBe(true);
    expect(offerMatches({ cities: ['Lyon'] }, match)).toBe(false);
    expect(offerMatches({ remote: ['ON_SITE'] }, match)).toBe(false);
    expect(offerMatches({ enterpriseId: 'e-2' }, match)).toBe(false);
    expect(offerMatches(null, match)).toBe(true);
  });
});
