import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../graphql/ids.js';
import { createEventTransport } from '../infrastructure.js';
import { createLogger } from '../logging/logger.js';
import { requireRealSetting } from '../testing/real-services.js';
import { replayDeadLetters } from './dead-letters.js';
import type { DomainEvent, EventTransport } from './domain-event.js';

describe('replayDeadLetters (Kafka)', () => {
  const prefix = `test-dlt-${process.pid}-${Date.now()}.`;
  let transport: EventTransport;

  beforeAll(async () => {
    transport = await createEventTransport({ KAFKA_BROKERS: requireRealSetting('KAFKA_BROKERS'), KAFKA_CLIENT_ID: 'dlt-test', KAFKA_PARTITIONS: 3, KAFKA_TOPIC_PREFIX: prefix }, createLogger('dlt-test', 'fatal'));
  });
  afterAll(() => transport?.close());

  it('should put a dead letter back on its topic once the cause is fixed, with its id, and only once', async () => {
    const topic = `stages.replay${randomUUID().slice(0, 8)}`;
    const group = `replay-${randomUUID()}`;
    let broken = true;
    const handled: string[] = [];
    const stop = await transport.subscribe({
      group,
      topics: [topic],
      handler: async (event) => {
        if (broken) throw new Error('downstream service unavailable');
        handled.push(event.id);
      },
    });
    const event: DomainEvent = { id: newId(), source: '/tests', type: `${topic.slice(7)}.happened`, subject: newId(), time: new Date().toISOString(), topic, data: { n: 1 } };
    await transport.publish([event]);
    const brokers = requireRealSetting('KAFKA_BROKERS').split(',');
    // Retries take about 2.6 s before the event is dead-lettered.
    const deadline = Date.now() + 30_000;
    let dryRun = await replayDeadLetters({ brokers, prefix, topic, group, dryRun: true });
    while (dryRun.replayed === 0 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 500));
      dryRun = await replayDeadLetters({ brokers, prefix, topic, group, dryRun: true });
    }
    expect(dryRun).toEqual({ replayed: 1, skipped: 0, eventIds: [event.id] });
    expect(handled).toEqual([]);

    broken = false;
    expect(await replayDeadLetters({ brokers, prefix, topic, group: 'another.group' })).toMatchObject({ replayed: 0, skipped: 1 });
    expect(await replayDeadLetters({ brokers, prefix, topic, group })).toEqual({ replayed: 1, skipped: 0, eventIds: [event.id] });
    const handledBy = Date.now() + 20_000;
    while (handled.length === 0 && Date.now() < handledBy) await new Promise((resolve) => setTimeout(resolve, 100));
    expect(handled).toEqual([event.id]);
    expect(await replayDeadLetters({ brokers, prefix, topic, group })).toEqual({ replayed: 0, skipped: 0, eventIds: [] });
    await stop();
  });
});
