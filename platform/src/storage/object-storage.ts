export interface StoredObject {
  key: string;
  size: number;
  contentType: string;
  etag?: string;
}

/** Document bytes, in a local folder in the embedded mode or an S3 bucket otherwise. Keys are `/`-separated. */
export interface ObjectStorage {
  readonly kind: 'local' | 's3';
  put(key: string, body: Buffer, contentType: string): Promise<StoredObject>;
  /** Returns the bytes, or undefined when there is no such object. */
  get(key: string): Promise<Buffer | undefined>;
  stat(key: string): Promise<StoredObject | undefined>;
  delete(key: string): Promise<void>;
  list(prefix: string): Promise<string[]>;
  close(): Promise<void>;
}

const KEY = /^(?!\/)(?!.*\/\/)(?!.*(^|\/)\.\.?(\/|$))[A-Za-z0-9!_.*'()\/-]{1,512}$/;

/** Rejects keys that could escape the storage root or differ between S3 and a file system. */
export function assertValidKey(key: string): void {
  if (!KEY.test(key)) throw new Error(`Invalid object key ${JSON.stringify(key)}`);
}
