import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PubSub } from './pubsub.js';

async function until(condition: () => boolean, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('timed out waiting for messages');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** The behaviour every PubSub must have; run in memory and on Redis alike. */
export function describePubSubContract(name: string, create: () => Promise<PubSub>): void {
  describe(`PubSub contract (${name})`, () => {
    let first: PubSub;
    let second: PubSub;

    beforeAll(async () => {
      first = await create();
      // Redis: a second instance stands for another process; memory: the same one (a single process).
      second = first.kind === 'redis' ? await create() : first;
    });
    afterAll(async () => {
      await first?.close();
      if (second !== first) await second?.close();
    });

    it('should give each subscriber, in each instance, each message once', async () => {
      const channel = `contract-${randomUUID()}`;
      const a: unknown[] = [];
      const b: unknown[] = [];
      const stopA = await first.subscribe(channel, (message) => a.push(message));
      const stopB = await second.subscribe(channel, (message) => b.push(message));
      await first.publish(channel, { n: 1, text: 'Candidature retenue' });
      await second.publish(channel, { n: 2 });
      await until(() => a.length === 2 && b.length === 2);
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(a).toEqual([{ n: 1, text: 'Candidature retenue' }, { n: 2 }]);
      expect(b).toEqual(a);
      await stopA();
      await stopB();
    });

    it('should stop delivering to a subscriber that left, and not to other channels', async () => {
      const channel = `contract-${randomUUID()}`;
      const kept: unknown[] = [];
      const left: unknown[] = [];
      const stopKept = await first.subscribe(channel, (message) => kept.push(message));
      const stopLeft = await second.subscribe(channel, (message) => left.push(message));
      await stopLeft();
      await first.publish(channel, 'after');
      await first.publish(`${channel}-other`, 'elsewhere');
      await until(() => kept.length === 1);
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(kept).toEqual(['after']);
      expect(left).toEqual([]);
      await stopKept();
    });
  });
}
