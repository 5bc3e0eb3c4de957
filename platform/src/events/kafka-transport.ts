import { Kafka, logLevel, Partitioners, type Consumer, type IHeaders, type Producer } from 'kafkajs';
import type { Logger } from '../logging/logger.js';
import { UnreachableServiceError } from '../infrastructure-errors.js';
import type { DomainEvent, EventTransport, SubscribeOptions } from './domain-event.js';

export interface KafkaSettings {
  brokers: string[];
  clientId: string;
  partitions: number;
}

/** Publishes with an idempotent producer, CloudEvents binary-mode headers, and the aggregate id as key. */
export class KafkaTransport implements EventTransport {
  readonly kind = 'kafka' as const;
  private readonly knownTopics = new Set<string>();
  private readonly consumers = new Set<Consumer>();

  private constructor(
    private readonly kafka: Kafka,
    private readonly producer: Producer,
    private readonly settings: KafkaSettings,
  ) {}

  static async connect(settings: KafkaSettings, logger?: Logger): Promise<KafkaTransport> {
    const kafka = new Kafka({
      clientId: settings.clientId,
      brokers: settings.brokers,
      connectionTimeout: 3000,
      // Consumers and the admin client ride out a broker that is still electing its group coordinator (a fresh
      // cluster takes a few seconds); the producer below fails fast instead, so a wrong address stops the start.
      retry: { retries: 8, initialRetryTime: 300, maxRetryTime: 10_000 },
      logLevel: logLevel.WARN,
      logCreator: () => ({ level, log }) => {
        const { message, ...extra } = log;
        if (level <= logLevel.ERROR) logger?.error(extra, `kafka: ${message}`);
        else logger?.warn(extra, `kafka: ${message}`);
      },
    });
    const producer = kafka.producer({
      idempotent: true,
      maxInFlightRequests: 1,
      allowAutoTopicCreation: false,
      createPartitioner: Partitioners.DefaultPartitioner,
      retry: { retries: 3, initialRetryTime: 200 },
    });
    try {
      await producer.connect();
    } catch (error) {
      await producer.disconnect().catch(() => undefined);
      throw new UnreachableServiceError('KAFKA_BROKERS', settings.brokers.join(','), error);
    }
    return new KafkaTransport(kafka, producer, settings);
  }

  async publish(events: DomainEvent[]): Promise<void> {
    if (events.length === 0) return;
    await this.ensureTopics(events.map((event) => event.topic));
    const byTopic = new Map<string, DomainEvent[]>();
    for (const event of events) byTopic.set(event.topic, [...(byTopic.get(event.topic) ?? []), event]);
    await this.producer.sendBatch({
      acks: -1,
      topicMessages: [...byTopic].map(([topic, list]) => ({
        topic,
        messages: list.map((event) => ({ key: event.subject, value: JSON.stringify(event.data), headers: toHeaders(event) })),
      })),
    });
  }

  async subscribe(options: SubscribeOptions): Promise<() => Promise<void>> {
    await this.ensureTopics(options.topics);
    const consumer = this.kafka.consumer({ groupId: options.group, allowAutoTopicCreation: false });
    await consumer.connect();
    await consumer.subscribe({ topics: options.topics, fromBeginning: true });
    const joined = new Promise<void>((resolve) => consumer.on(consumer.events.GROUP_JOIN, () => resolve()));
    await consumer.run({
      eachMessage: async ({ topic, message }) => {
        await options.handler(fromMessage(topic, message.headers ?? {}, message.value));
      },
    });
    await joined;
    this.consumers.add(consumer);
    return async () => {
      this.consumers.delete(consumer);
      await consumer.disconnect();
    };
  }

  async close(): Promise<void> {
    await Promise.all([...this.consumers].map((consumer) => consumer.disconnect()));
    this.consumers.clear();
    await this.producer.disconnect();
  }

  private async ensureTopics(topics: string[]): Promise<void> {
    const missing = [...new Set(topics)].filter((topic) => !this.knownTopics.has(topic));
    if (missing.length === 0) return;
    const admin = this.kafka.admin();
    await admin.connect();
    try {
      const existing = new Set(await admin.listTopics());
      const toCreate = missing.filter((topic) => !existing.has(topic));
      if (toCreate.length > 0) {
        await admin.createTopics({
          waitForLeaders: true,
          topics: toCreate.map((topic) => ({ topic, numPartitions: this.settings.partitions })),
        });
      }
      for (const topic of missing) this.knownTopics.add(topic);
    } finally {
      await admin.disconnect();
    }
  }
}

function toHeaders(event: DomainEvent): IHeaders {
  const headers: IHeaders = {
    ce_specversion: '1.0',
    ce_id: event.id,
    ce_source: event.source,
    ce_type: event.type,
    ce_subject: event.subject,
    ce_time: event.time,
    'content-type': 'application/json',
  };
  if (event.traceparent) headers.traceparent = event.traceparent;
  return headers;
}

function fromMessage(topic: string, headers: IHeaders, value: Buffer | null): DomainEvent {
  const header = (name: string) => {
    const raw = headers[name];
    const first = Array.isArray(raw) ? raw[0] : raw;
    return first === undefined ? undefined : first.toString();
  };
  const required = (name: string) => {
    const found = header(name);
    if (!found) throw new Error(`Kafka message on ${topic} lacks header ${name}`);
    return found;
  };
  return {
    id: required('ce_id'),
    source: required('ce_source'),
    type: required('ce_type'),
    subject: required('ce_subject'),
    time: required('ce_time'),
    topic,
    data: value ? (JSON.parse(value.toString('utf8')) as Record<string, unknown>) : {},
    traceparent: header('traceparent'),
  };
}
