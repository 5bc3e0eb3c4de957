import { Kafka, logLevel, Partitioners, type Consumer, type IHeaders, type KafkaMessage, type Producer } from 'kafkajs';
import type { Logger } from '../logging/logger.js';
import { UnreachableServiceError } from '../infrastructure-errors.js';
import { catalogTopics } from './catalog.js';
import { deliverWithRetries, describeError } from './delivery.js';
import { settled } from './kafka-metadata.js';
import { deadLetterTopicOf, type DeadLetterInfo, type DomainEvent, type EventTransport, type SubscribeOptions } from './domain-event.js';

export interface KafkaSettings {
  brokers: string[];
  clientId: string;
  /** Partitions of the topics this client creates (the catalog's at start, each with its dead-letter topic). */
  partitions: number;
  /** Put before every topic and consumer group name, so several environments can share one cluster. */
  prefix?: string;
}

const DLT_HEADERS = {
  topic: 'dlt_original_topic',
  partition: 'dlt_original_partition',
  offset: 'dlt_original_offset',
  group: 'dlt_consumer_group',
  error: 'dlt_error',
  failedAt: 'dlt_failed_at',
} as const satisfies Record<keyof DeadLetterInfo, string>;

/**
 * Publishes with an idempotent producer, CloudEvents binary-mode headers, and the aggregate id as key. Consumers
 * retry a failing handler with backoff, then copy the message to `<topic>.DLT` with where it came from and why
 * in headers, and go on: one bad message never stops its partition. Stopping a consumer lets the message in hand
 * finish, commits, and leaves the group.
 */
export class KafkaTransport implements EventTransport {
  readonly kind = 'kafka' as const;
  private readonly knownTopics = new Set<string>();
  private readonly consumers = new Set<Consumer>();

  private constructor(
    private readonly kafka: Kafka,
    private readonly producer: Producer,
    private readonly settings: KafkaSettings,
    private readonly logger?: Logger,
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
        // A group rebalancing (a member joined or left) is routine; kafkajs reports it as an error.
        if (/rebalanc/i.test(`${message} ${String(extra.error ?? '')}`)) logger?.debug(extra, `kafka: ${message}`);
        else if (level <= logLevel.ERROR) logger?.error(extra, `kafka: ${message}`);
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
    const transport = new KafkaTransport(kafka, producer, settings, logger);
    try {
      await transport.ensureTopics(catalogTopics());
    } catch (error) {
      await producer.disconnect().catch(() => undefined);
      throw new UnreachableServiceError('KAFKA_BROKERS', settings.brokers.join(','), error);
    }
    return transport;
  }

  async publish(events: DomainEvent[]): Promise<void> {
    if (events.length === 0) return;
    await this.ensureTopics(events.map((event) => event.topic));
    const byTopic = new Map<string, DomainEvent[]>();
    for (const event of events) byTopic.set(this.physical(event.topic), [...(byTopic.get(this.physical(event.topic)) ?? []), event]);
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
    // A member that died holds its partitions until its session times out: 15 s rather than kafkajs' 30 s. Fetches
    // return as soon as a message arrives; the shorter wait only bounds how long stopping takes.
    const consumer = this.kafka.consumer({
      groupId: this.physical(options.group),
      allowAutoTopicCreation: false,
      sessionTimeout: 15_000,
      heartbeatInterval: 3000,
      maxWaitTimeInMs: 1000,
    });
    await consumer.connect();
    await consumer.subscribe({ topics: options.topics.map((topic) => this.physical(topic)), fromBeginning: true });
    const joined = new Promise<void>((resolve) => consumer.on(consumer.events.GROUP_JOIN, () => resolve()));
    await consumer.run({
      eachMessage: async ({ topic: physicalTopic, partition, message, heartbeat }) => {
        const topic = this.logical(physicalTopic);
        const deadLetter = (error: unknown) =>
          this.sendToDeadLetter(topic, message, { topic, partition, offset: message.offset, group: options.group, error: describeError(error), failedAt: new Date().toISOString() });
        let event: DomainEvent;
        try {
          event = fromMessage(topic, message.headers ?? {}, message.value);
        } catch (error) {
          this.logger?.error({ err: error, group: options.group, topic, partition, offset: message.offset }, 'unreadable message sent to the dead-letter topic');
          return deadLetter(error);
        }
        await deliverWithRetries(options.handler, event, { group: options.group, logger: this.logger, beforeRetry: heartbeat, deadLetter });
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

  private async sendToDeadLetter(topic: string, message: KafkaMessage, info: DeadLetterInfo): Promise<void> {
    const headers: IHeaders = { ...message.headers };
    for (const [field, header] of Object.entries(DLT_HEADERS)) headers[header] = String(info[field as keyof DeadLetterInfo]);
    await this.producer.send({ topic: this.physical(deadLetterTopicOf(topic)), acks: -1, messages: [{ key: message.key, value: message.value, headers }] });
  }

  private physical(name: string): string {
    return (this.settings.prefix ?? '') + name;
  }

  private logical(topic: string): string {
    const prefix = this.settings.prefix ?? '';
    return topic.startsWith(prefix) ? topic.slice(prefix.length) : topic;
  }

  /** Creates missing topics, each with its dead-letter topic. */
  private async ensureTopics(topics: string[]): Promise<void> {
    const missing = [...new Set(topics.flatMap((topic) => (topic.endsWith('.DLT') ? [topic] : [topic, deadLetterTopicOf(topic)])))].filter((topic) => !this.knownTopics.has(topic));
    if (missing.length === 0) return;
    const admin = this.kafka.admin();
    await admin.connect();
    try {
      const existing = new Set(await admin.listTopics());
      const toCreate = missing.filter((topic) => !existing.has(this.physical(topic)));
      if (toCreate.length > 0) {
        const topics = toCreate.map((topic) => this.physical(topic));
        // Waiting for leaders may meet "unknown topic" while the new topics' metadata propagates: ask again.
        await settled(() => admin.createTopics({ waitForLeaders: true, topics: topics.map((topic) => ({ topic, numPartitions: this.settings.partitions })) }));
        await settled(() => admin.fetchTopicMetadata({ topics }));
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
    ...(header(DLT_HEADERS.topic) ? { deadLetter: deadLetterFrom(header) } : {}),
  };
}

function deadLetterFrom(header: (name: string) => string | undefined): DeadLetterInfo {
  return {
    topic: header(DLT_HEADERS.topic) ?? '',
    partition: Number(header(DLT_HEADERS.partition)),
    offset: header(DLT_HEADERS.offset) ?? '',
    group: header(DLT_HEADERS.group) ?? '',
    error: header(DLT_HEADERS.error) ?? '',
    failedAt: header(DLT_HEADERS.failedAt) ?? '',
  };
}
