import { Kafka, logLevel, type IHeaders } from 'kafkajs';
import { deadLetterTopicOf } from './domain-event.js';
import { settled } from './kafka-metadata.js';

export interface ReplayOptions {
  brokers: string[];
  /** KAFKA_TOPIC_PREFIX of the environment. */
  prefix?: string;
  /** Logical topic whose dead letters are replayed, e.g. `stages.application`. */
  topic: string;
  /** Replay only what this consumer group failed (`dlt_consumer_group`); all of them otherwise. */
  group?: string;
  /** Count what would be replayed without publishing or committing. */
  dryRun?: boolean;
}

export interface ReplayReport {
  replayed: number;
  skipped: number;
  /** Event ids replayed (or that would be). */
  eventIds: string[];
}

/**
 * Consumer group of the replay tool for one topic (and group filter): a dead letter is replayed once per filter,
 * however often the tool is run; replaying with another filter later replays it again, which consumers absorb.
 */
export const replayGroupOf = (topic: string, group?: string) => `stages.dlt-replay.${topic}${group ? `.${group}` : ''}`;

const header = (headers: IHeaders | undefined, name: string) => {
  const raw = headers?.[name];
  const first = Array.isArray(raw) ? raw[0] : raw;
  return first === undefined ? undefined : first.toString();
};

/**
 * Publishes the dead letters of a topic back onto it, with their original CloudEvents headers (same event id),
 * once the cause is fixed. Consumers that had processed an event already skip it (processed-event mark); the
 * group that failed gets another chance. Reads the dead-letter topic up to its end at the time of the call.
 */
export async function replayDeadLetters(options: ReplayOptions): Promise<ReplayReport> {
  const prefix = options.prefix ?? '';
  const source = prefix + deadLetterTopicOf(options.topic);
  const target = prefix + options.topic;
  const kafka = new Kafka({ clientId: 'stages-dlt-replay', brokers: options.brokers, logLevel: logLevel.ERROR, retry: { retries: 3 } });
  const admin = kafka.admin();
  await admin.connect();
  const ends = new Map((await settled(() => admin.fetchTopicOffsets(source))).map((partition) => [partition.partition, BigInt(partition.high)]));
  const committed = await settled(() => admin.fetchOffsets({ groupId: prefix + replayGroupOf(options.topic, options.group), topics: [source] }));
  await admin.disconnect();
  const pending = new Map<number, bigint>();
  for (const partition of committed[0]?.partitions ?? []) {
    const start = partition.offset === '-1' ? 0n : BigInt(partition.offset);
    const end = ends.get(partition.partition) ?? 0n;
    if (end > start) pending.set(partition.partition, end);
  }
  for (const [partition, end] of ends) if (!committed[0]?.partitions.some((p) => p.partition === partition) && end > 0n) pending.set(partition, end);

  const report: ReplayReport = { replayed: 0, skipped: 0, eventIds: [] };
  if (pending.size === 0) return report;
  const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1, allowAutoTopicCreation: false });
  const consumer = kafka.consumer({ groupId: prefix + replayGroupOf(options.topic, options.group), allowAutoTopicCreation: false });
  await Promise.all([producer.connect(), consumer.connect()]);
  try {
    await consumer.subscribe({ topics: [source], fromBeginning: true });
    await new Promise<void>((resolve, reject) => {
      const done = () => pending.size === 0 && resolve();
      consumer
        .run({
          autoCommit: !options.dryRun,
          eachMessage: async ({ partition, message }) => {
            const end = pending.get(partition);
            if (end === undefined || BigInt(message.offset) >= end) return;
            const group = header(message.headers, 'dlt_consumer_group');
            const eventId = header(message.headers, 'ce_id');
            if ((options.group && group !== options.group) || !eventId) {
              report.skipped++;
            } else {
              const headers: IHeaders = {};
              for (const [name, value] of Object.entries(message.headers ?? {})) if (!name.startsWith('dlt_') && value !== undefined) headers[name] = value;
              if (!options.dryRun) await producer.send({ topic: target, acks: -1, messages: [{ key: message.key, value: message.value, headers }] });
              report.replayed++;
              report.eventIds.push(eventId);
            }
            if (BigInt(message.offset) + 1n >= end) {
              pending.delete(partition);
              done();
            }
          },
        })
        .catch(reject);
    });
  } finally {
    await consumer.disconnect();
    await producer.disconnect();
  }
  return report;
}
