import { describe, expect, it } from 'vitest';
import { UnreachableServiceError } from '../infrastructure-errors.js';
import { requireRealSetting } from '../testing/real-services.js';
import { S3Storage } from './s3-storage.js';
import { describeStorageContract } from './storage.contract.js';

const settings = () => ({
  endpoint: requireRealSetting('S3_ENDPOINT'),
  accessKey: requireRealSetting('S3_ACCESS_KEY'),
  secretKey: requireRealSetting('S3_SECRET_KEY'),
  bucket: `stages-test-${process.pid}`,
  region: process.env.S3_REGION ?? 'us-east-1',
});

describeStorageContract('S3', () => S3Storage.connect(settings()));

describe('S3Storage.connect', () => {
  it('should fail at once, naming S3_ENDPOINT, when the store is unreachable', async () => {
    const error = await S3Storage.connect({ ...settings(), endpoint: 'http://127.0.0.1:1' }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(UnreachableServiceError);
    expect((error as Error).message).toMatch(/^S3_ENDPOINT: cannot reach http:\/\/127\.0\.0\.1:1/);
  });

  it('should start when several services create the same new bucket at once', async () => {
    const bucket = `stages-race-${process.pid}-${Date.now()}`;
    const started = await Promise.all(Array.from({ length: 6 }, () => S3Storage.connect({ ...settings(), bucket })));
    expect(started).toHaveLength(6);
    await started[0]!.put('race/ok.txt', Buffer.from('ok'), 'text/plain');
    expect((await started[5]!.get('race/ok.txt'))?.toString()).toBe('ok');
  });

  it('should fail at start when the secret key is wrong', async () => {
    await expect(S3Storage.connect({ ...settings(), secretKey: 'wrong-secret' })).rejects.toBeInstanceOf(UnreachableServiceError);
  });
});
