/** Key-value cache with expiry, shared by the instances of a service (memory in the embedded mode, Redis otherwise). */
export interface Cache {
  readonly kind: 'memory' | 'redis';
  get<T>(key: string): Promise<T | undefined>;
  set<T>(key: string, value: T, ttlSeconds: number): Promise<void>;
  delete(key: string): Promise<void>;
  /** Atomically adds one and returns the new count; the window starts with the first increment. */
  increment(key: string, windowSeconds: number): Promise<number>;
  /** Seconds until the key expires (rounded up), or 0 when it does not exist. */
  secondsToLive(key: string): Promise<number>;
  close(): Promise<void>;
}
