import { Client } from 'minio';
import { UnreachableServiceError } from '../infrastructure-errors.js';
import { assertValidKey, type ObjectStorage, type StoredObject } from './object-storage.js';

export interface S3Settings {
  endpoint: string;
  accessKey: string;
  secretKey: string;
  bucket: string;
  region: string;
}

export class S3Storage implements ObjectStorage {
  readonly kind = 's3' as const;

  private constructor(private readonly client: Client, private readonly bucket: string) {}

  /** Connects and makes sure the bucket exists, so a wrong endpoint or key fails at start. */
  static async connect(settings: S3Settings): Promise<S3Storage> {
    const url = new URL(settings.endpoint);
    const client = new Client({
      endPoint: url.hostname,
      port: url.port ? Number(url.port) : url.protocol === 'https:' ? 443 : 80,
      useSSL: url.protocol === 'https:',
      accessKey: settings.accessKey,
      secretKey: settings.secretKey,
      region: settings.region,
      pathStyle: true,
    });
    try {
      if (!(await client.bucketExists(settings.bucket))) {
        // Services starting together race to create the bucket: losing that race is fine.
        await client.makeBucket(settings.bucket, settings.region).catch((error: unknown) => {
          const code = (error as { code?: string }).code;
          if (code !== 'BucketAlreadyOwnedByYou' && code !== 'BucketAlreadyExists') throw error;
        });
      }
    } catch (error) {
      throw new UnreachableServiceError('S3_ENDPOINT', `${settings.endpoint} bucket ${settings.bucket}`, error);
    }
    return new S3Storage(client, settings.bucket);
  }

  async put(key: string, body: Buffer, contentType: string): Promise<StoredObject> {
    assertValidKey(key);
    const result = await this.client.putObject(this.bucket, key, body, body.length, { 'Content-Type': contentType });
    return { key, size: body.length, contentType, etag: result.etag };
  }

  async get(key: string): Promise<Buffer | undefined> {
    assertValidKey(key);
    try {
      const stream = await this.client.getObject(this.bucket, key);
      const chunks: Buffer[] = [];
      for await (const chunk of stream) chunks.push(chunk as Buffer);
      return Buffer.concat(chunks);
    } catch (error) {
      if (isNotFound(error)) return undefined;
      throw error;
    }
  }

  async stat(key: string): Promise<StoredObject | undefined> {
    assertValidKey(key);
    try {
      const info = await this.client.statObject(this.bucket, key);
      const contentType = String(info.metaData['content-type'] ?? 'application/octet-stream');
      return { key, size: info.size, contentType, etag: info.etag };
    } catch (error) {
      if (isNotFound(error)) return undefined;
      throw error;
    }
  }

  async delete(key: string): Promise<void> {
    assertValidKey(key);
    await this.client.removeObject(this.bucket, key);
  }

  async list(prefix: string): Promise<string[]> {
    const keys: string[] = [];
    for await (const item of this.client.listObjectsV2(this.bucket, prefix, true)) {
      if ((item as { name?: string }).name) keys.push((item as { name: string }).name);
    }
    return keys.sort();
  }

  async close(): Promise<void> {}
}

function isNotFound(error: unknown): boolean {
  const code = (error as { code?: string }).code;
  return code === 'NoSuchKey' || code === 'NotFound';
}
