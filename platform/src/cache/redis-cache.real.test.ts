import { describe, expect, it } from 'vitest';
import { UnreachableServiceError } from '../infrastructure-errors.js';
import { requireRealSetting } from '../testing/real-services.js';
import { describeCacheContract } from './cache.contract.js';
import { RedisCache } from './redis-cache.js';

describeCacheContract('redis', () => RedisCache.connect(requireRealSetting('REDIS_URL'), `test:${process.pid}:`));

describe('RedisCache.connect', () => {
  it('should fail at once, naming REDIS_URL, when Redis is unreachable', async () => {
    const error = await RedisCache.connect('redis://127.0.0.1:1').catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(UnreachableServiceError);
    expect((error as Error).message).toMatch(/^REDIS_URL: cannot reach redis:\/\/127\.0\.0\.1:1/);
  });
});
