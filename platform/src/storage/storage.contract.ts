import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ObjectStorage } from './object-storage.js';

/** The behaviour every ObjectStorage implementation must have; run against the local folder and S3 alike. */
export function describeStorageContract(name: string, create: () => Promise<ObjectStorage>): void {
  describe(`ObjectStorage contract (${name})`, () => {
    let storage: ObjectStorage;
    const prefix = `contract/${randomUUID()}`;

    beforeAll(async () => {
      storage = await create();
    });
    afterAll(() => storage?.close());

    it('should return the bytes and metadata that were put', async () => {
      const body = Buffer.from('%PDF-1.4 attestation de stage — données binaires \u0000\u00ff', 'utf8');
      const stored = await storage.put(`${prefix}/a/attestation.pdf`, body, 'application/pdf');
      expect(stored).toMatchObject({ key: `${prefix}/a/attestation.pdf`, size: body.length, contentType: 'application/pdf' });
      expect(await storage.get(`${prefix}/a/attestation.pdf`)).toEqual(body);
      expect(await storage.stat(`${prefix}/a/attestation.pdf`)).toMatchObject({ size: body.length, contentType: 'application/pdf' });
    });

    it('should answer undefined for an object that does not exist', async () => {
      expect(await storage.get(`${prefix}/missing.txt`)).toBeUndefined();
      expect(await storage.stat(`${prefix}/missing.txt`)).toBeUndefined();
    });

    it('should replace an object put twice under the same key', async () => {
      await storage.put(`${prefix}/cv.txt`, Buffer.from('v1'), 'text/plain');
      await storage.put(`${prefix}/cv.txt`, Buffer.from('version 2'), 'text/plain');
      expect((await storage.get(`${prefix}/cv.txt`))?.toString()).toBe('version 2');
      expect((await storage.stat(`${prefix}/cv.txt`))?.size).toBe(9);
    });

    it('should list the keys under a prefix, sorted', async () => {
      await storage.put(`${prefix}/list/b.txt`, Buffer.from('b'), 'text/plain');
      await storage.put(`${prefix}/list/a.txt`, Buffer.from('a'), 'text/plain');
      await storage.put(`${prefix}/other.txt`, Buffer.from('o'), 'text/plain');
      expect(await storage.list(`${prefix}/list/`)).toEqual([`${prefix}/list/a.txt`, `${prefix}/list/b.txt`]);
    });

    it('should forget an object once deleted, and accept deleting it again', async () => {
      await storage.put(`${prefix}/gone.txt`, Buffer.from('x'), 'text/plain');
      await storage.delete(`${prefix}/gone.txt`);
      await storage.delete(`${prefix}/gone.txt`);
      expect(await storage.get(`${prefix}/gone.txt`)).toBeUndefined();
    });

    it('should refuse keys that could escape the store', async () => {
      for (const key of ['../etc/passwd', '/absolute', 'a//b', 'a/../b', '']) {
        await expect(storage.put(key, Buffer.from('x'), 'text/plain')).rejects.toThrow(/Invalid object key/);
      }
    });
  });
}
