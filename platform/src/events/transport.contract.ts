import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../graphql/ids.js';
import { InvalidEventError } from './catalog.js';
import { deadLetterTopicOf, type DomainEvent, type EventTransport } from './domain-event.js';

const event = (topic: string, subject: string, n: number): DomainEvent => ({
  id: newId(),
  source: '/subgraphs/contract',
  type: `${topic.split('.').at(-1)}.published`,
  subject,
  time: new Date().toISOString(),
  topic,
  data: { n, title: 'Stage développeur·se' },
  traceparent: '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01',
});

async function until(condition: () => boolean, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('timed out waiting for events');
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** The behaviour every EventTransport must have; run in-process and on Kafka alike. */
export function describeTransportContract(name: string, create: () => Promise<EventTransport>): void {
  describe(`EventTransport contract (${name})`, () => {
    let transport: EventTransport;

    beforeAll(async () => {
      transport = await create();
    });
    afterAll(() => transport?.close());

    it('should deliver every attribute of a published event to a subscribed group', async () => {
      const topic = `stages.contract${randomUUID().slice(0, 8)}`;
      const received: DomainEvent[] = [];
      const stop = await transport.subscribe({ group: `g-${randomUUID()}`, topics: [topic], handler: async (e) => void received.push(e) });
      const sent = event(topic, newId(), 1);
      await transport.publish([sent]);
      await until(() => received.length === 1);
      expect(received[0]).toEqual(sent);
      await stop();
    });

    it('should keep one subject’s events in order and give each group each event once', async () => {
      const topic = `stages.contract${randomUUID().slice(0, 8)}`;
      const subject = newId();
      const first: number[] = [];
      const second: number[] = [];
      const stopFirst = await transport.subscribe({ group: `a-${randomUUID()}`, topics: [topic], handler: async (e) => void first.push(e.data.n as number) });
      const stopSecond = await transport.subscribe({ group: `b-${randomUUID()}`, topics: [topic], handler: async (e) => void second.push(e.data.n as number) });
      const events = Array.from({ length: 20 }, (_, n) => event(topic, subject, n));
      await transport.publish(events.slice(0, 10));
      await transport.publish(events.slice(10));
      await until(() => first.length >= 20 && second.length >= 20);
      expect(first).toEqual([...Array(20).keys()]);
      expect(second).toEqual([...Array(20).keys()]);
      await stopFirst();
      await stopSecond();
    });

    it('should retry an event whose handler failed', async () => {
      const topic = `stages.contract${randomUUID().slice(0, 8)}`;
      let attempts = 0;
      const done: string[] = [];
      const stop = await transport.subscribe({
        group: `r-${randomUUID()}`,
        topics: [topic],
        handler: async (e) => {
          attempts++;
          if (attempts === 1) throw new Error('transient failure');
          done.push(e.id);
        },
      });
      const sent = event(topic, newId(), 1);
      await transport.publish([sent]);
      await until(() => done.length === 1);
      expect(done).toEqual([sent.id]);
      expect(attempts).toBe(2);
      await stop();
    });

    it('should send an event that keeps failing to <topic>.DLT once, saying why, and go on with the next ones', async () => {
      const topic = `stages.contract${randomUUID().slice(0, 8)}`;
      const group = `p-${randomUUID()}`;
      const subject = newId();
      const poison = event(topic, subject, 0);
      let poisonAttempts = 0;
      const processed: number[] = [];
      const dead: DomainEvent[] = [];
      const stopDead = await transport.subscribe({ group: `d-${randomUUID()}`, topics: [deadLetterTopicOf(topic)], handler: async (e) => void dead.push(e) });
      const stop = await transport.subscribe({
        group,
        topics: [topic],
        handler: async (e) => {
          if (e.id === poison.id) {
            poisonAttempts++;
            throw new Error('cannot handle this one');
          }
          processed.push(e.data.n as number);
        },
      });
      await transport.publish([poison, event(topic, subject, 1), event(topic, subject, 2)]);
      await until(() => processed.length === 2 && dead.length === 1);
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(processed).toEqual([1, 2]);
      expect(poisonAttempts).toBe(4);
      expect(dead).toHaveLength(1);
      expect(dead[0]).toMatchObject({ id: poison.id, type: poison.type, subject, data: poison.data, topic: deadLetterTopicOf(topic) });
      expect(dead[0]!.deadLetter).toMatchObject({ topic, group, error: 'Error: cannot handle this one' });
      await stop();
      await stopDead();
    });

    it('should dead-letter an invalid payload at once, without retrying', async () => {
      const topic = `stages.contract${randomUUID().slice(0, 8)}`;
      let attempts = 0;
      const dead: DomainEvent[] = [];
      const stopDead = await transport.subscribe({ group: `d-${randomUUID()}`, topics: [deadLetterTopicOf(topic)], handler: async (e) => void dead.push(e) });
      const stop = await transport.subscribe({
        group: `v-${randomUUID()}`,
        topics: [topic],
        handler: async () => {
          attempts++;
          throw new InvalidEventError('Invalid offer.published payload: offerId: Invalid UUID');
        },
      });
      await transport.publish([event(topic, newId(), 1)]);
      await until(() => dead.length === 1);
      expect(attempts).toBe(1);
      expect(dead[0]!.deadLetter!.error).toBe('InvalidEventError: Invalid offer.published payload: offerId: Invalid UUID');
      await stop();
      await stopDead();
    });
  });
}
