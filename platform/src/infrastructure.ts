import path from 'node:path';
import type { Cache } from './cache/cache.js';
import { MemoryCache } from './cache/memory-cache.js';
import { RedisCache } from './cache/redis-cache.js';
import type { ServiceSettings } from './config/config.js';
import type { EventTransport } from './events/domain-event.js';
import { InProcessTransport } from './events/in-process-transport.js';
import { KafkaTransport } from './events/kafka-transport.js';
import { MissingSettingError } from './infrastructure-errors.js';
import { MemoryPubSub } from './pubsub/memory-pubsub.js';
import type { PubSub } from './pubsub/pubsub.js';
import { RedisPubSub } from './pubsub/redis-pubsub.js';
import type { Logger } from './logging/logger.js';
import { FolderMailer } from './mail/folder-mailer.js';
import type { Mailer } from './mail/mailer.js';
import { SmtpMailer } from './mail/smtp-mailer.js';
import { LocalStorage } from './storage/local-storage.js';
import type { ObjectStorage } from './storage/object-storage.js';
import { S3Storage } from './storage/s3-storage.js';

/** The four adapters a service uses, each local or real according to configuration. */
export interface Infrastructure {
  cache: Cache;
  storage: ObjectStorage;
  mailer: Mailer;
  events: EventTransport;
  close(): Promise<void>;
}

type InfrastructureSettings = Pick<
  ServiceSettings,
  | 'REDIS_URL'
  | 'REDIS_KEY_PREFIX'
  | 'KAFKA_BROKERS'
  | 'KAFKA_CLIENT_ID'
  | 'KAFKA_PARTITIONS'
  | 'KAFKA_TOPIC_PREFIX'
  | 'S3_ENDPOINT'
  | 'S3_ACCESS_KEY'
  | 'S3_SECRET_KEY'
  | 'S3_BUCKET'
  | 'S3_REGION'
  | 'SMTP_URL'
  | 'MAIL_FROM'
  | 'STAGES_DATA_DIR'
>;

export async function createCache(settings: Pick<InfrastructureSettings, 'REDIS_URL' | 'REDIS_KEY_PREFIX'>): Promise<Cache> {
  return settings.REDIS_URL ? RedisCache.connect(settings.REDIS_URL, settings.REDIS_KEY_PREFIX) : Promise.resolve(new MemoryCache());
}

/** Fan-out between the gateway's replicas: in memory in the embedded mode (one process), Redis otherwise. */
export async function createPubSub(settings: Pick<InfrastructureSettings, 'REDIS_URL' | 'REDIS_KEY_PREFIX'>): Promise<PubSub> {
  return settings.REDIS_URL ? RedisPubSub.connect(settings.REDIS_URL, settings.REDIS_KEY_PREFIX) : Promise.resolve(new MemoryPubSub());
}

export async function createStorage(
  settings: Pick<InfrastructureSettings, 'S3_ENDPOINT' | 'S3_ACCESS_KEY' | 'S3_SECRET_KEY' | 'S3_BUCKET' | 'S3_REGION' | 'STAGES_DATA_DIR'>,
): Promise<ObjectStorage> {
  if (!settings.S3_ENDPOINT) return Promise.resolve(new LocalStorage(path.resolve(settings.STAGES_DATA_DIR, 'objects')));
  if (!settings.S3_ACCESS_KEY) throw new MissingSettingError('S3_ACCESS_KEY', 'when S3_ENDPOINT is set');
  if (!settings.S3_SECRET_KEY) throw new MissingSettingError('S3_SECRET_KEY', 'when S3_ENDPOINT is set');
  return S3Storage.connect({
    endpoint: settings.S3_ENDPOINT,
    accessKey: settings.S3_ACCESS_KEY,
    secretKey: settings.S3_SECRET_KEY,
    bucket: settings.S3_BUCKET,
    region: settings.S3_REGION,
  });
}

export async function createMailer(settings: Pick<InfrastructureSettings, 'SMTP_URL' | 'MAIL_FROM' | 'STAGES_DATA_DIR'>): Promise<Mailer> {
  return settings.SMTP_URL
    ? SmtpMailer.connect(settings.SMTP_URL, settings.MAIL_FROM)
    : Promise.resolve(new FolderMailer(path.resolve(settings.STAGES_DATA_DIR, 'mailbox'), settings.MAIL_FROM));
}

export async function createEventTransport(
  settings: Pick<InfrastructureSettings, 'KAFKA_BROKERS' | 'KAFKA_CLIENT_ID' | 'KAFKA_PARTITIONS' | 'KAFKA_TOPIC_PREFIX'>,
  logger: Logger,
): Promise<EventTransport> {
  return settings.KAFKA_BROKERS
    ? KafkaTransport.connect({ brokers: settings.KAFKA_BROKERS.split(','), clientId: settings.KAFKA_CLIENT_ID, partitions: settings.KAFKA_PARTITIONS, prefix: settings.KAFKA_TOPIC_PREFIX }, logger)
    : Promise.resolve(new InProcessTransport(logger));
}

/** Connects every adapter; if one real service is unreachable, closes the others and rethrows its error. */
export async function createInfrastructure(settings: InfrastructureSettings, logger: Logger): Promise<Infrastructure> {
  const results = await Promise.allSettled([
    createCache(settings),
    createStorage(settings),
    createMailer(settings),
    createEventTransport(settings, logger),
  ] as const);
  const opened = results.flatMap((result) => (result.status === 'fulfilled' ? [result.value] : []));
  const failure = results.find((result) => result.status === 'rejected');
  if (failure) {
    await Promise.allSettled(opened.map((adapter) => adapter.close()));
    throw failure.reason;
  }
  const [cache, storage, mailer, events] = opened as [Cache, ObjectStorage, Mailer, EventTransport];
  return {
    cache,
    storage,
    mailer,
    events,
    async close() {
      await Promise.allSettled([cache.close(), storage.close(), mailer.close(), events.close()]);
    },
  };
}

/** One line describing which implementation each concern uses, for start-up logs. */
export function describeInfrastructure(infrastructure: Infrastructure): string {
  const { cache, storage, mailer, events } = infrastructure;
  return `cache=${cache.kind} storage=${storage.kind} mail=${mailer.kind} events=${events.kind}`;
}
