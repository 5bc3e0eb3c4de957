import { Redis } from 'ioredis';
import { UnreachableServiceError } from '../infrastructure-errors.js';

const CONNECT_TIMEOUT_MS = 3000;

/** Connects now, so a wrong or unreachable REDIS_URL stops the service at start instead of at first use. */
export async function connectRedis(url: string): Promise<Redis> {
  const redis = new Redis(url, { lazyConnect: true, connectTimeout: CONNECT_TIMEOUT_MS, maxRetriesPerRequest: 2 });
  redis.on('error', () => {
    // Reconnection is automatic; failures surface on the commands that need Redis.
  });
  try {
    await redis.connect();
    await redis.ping();
  } catch (error) {
    redis.disconnect();
    throw new UnreachableServiceError('REDIS_URL', url, error);
  }
  return redis;
}
