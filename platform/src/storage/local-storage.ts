import { createHash } from 'node:crypto';
import { mkdir, readFile, readdir, rm, stat, writeFile, rename } from 'node:fs/promises';
import path from 'node:path';
import { assertValidKey, type ObjectStorage, type StoredObject } from './object-storage.js';

const META_SUFFIX = '.meta.json';

export class LocalStorage implements ObjectStorage {
  readonly kind = 'local' as const;

  constructor(private readonly root: string) {}

  async put(key: string, body: Buffer, contentType: string): Promise<StoredObject> {
    const file = this.file(key);
    await mkdir(path.dirname(file), { recursive: true });
    const object = { key, size: body.length, contentType, etag: createHash('md5').update(body).digest('hex') };
    // Write then rename, so a reader never sees half an object.
    await writeFile(`${file}.tmp`, body);
    await writeFile(file + META_SUFFIX, JSON.stringify(object));
    await rename(`${file}.tmp`, file);
    return object;
  }

  async get(key: string): Promise<Buffer | undefined> {
    return readFile(this.file(key)).catch(ifMissing(undefined));
  }

  async stat(key: string): Promise<StoredObject | undefined> {
    const file = this.file(key);
    const exists = await stat(file).then(() => true, ifMissing(false));
    if (!exists) return undefined;
    return JSON.parse(await readFile(file + META_SUFFIX, 'utf8')) as StoredObject;
  }

  async delete(key: string): Promise<void> {
    const file = this.file(key);
    await rm(file, { force: true });
    await rm(file + META_SUFFIX, { force: true });
  }

  async list(prefix: string): Promise<string[]> {
    const entries = await readdir(this.root, { recursive: true, withFileTypes: true }).catch(ifMissing([]));
    return entries
      .filter((entry) => entry.isFile())
      .map((entry) => path.relative(this.root, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
      .filter((key) => key.startsWith(prefix) && !key.endsWith(META_SUFFIX) && !key.endsWith('.tmp'))
      .sort();
  }

  async close(): Promise<void> {}

  private file(key: string): string {
    assertValidKey(key);
    return path.join(this.root, ...key.split('/'));
  }
}

function ifMissing<T>(fallback: T) {
  return (error: NodeJS.ErrnoException): T => {
    if (error.code === 'ENOENT') return fallback;
    throw error;
  };
}
