import webpush from 'web-push';
import type { VapidKeys } from './vapid-keys.js';

export interface PushTarget {
  endpoint: string;
  p256dh: string;
  auth: string;
}

/** sent: accepted by the push service; gone: the subscription expired (404/410), forget it; failed: try later. */
export type PushResult = { status: 'sent' } | { status: 'gone' } | { status: 'failed'; reason: string };

/**
 * Sends web pushes (RFC 8030) with a payload encrypted for the browser (RFC 8291, aes128gcm) and a VAPID
 * signature (RFC 8292). web-push builds the request; it is sent with fetch, bounded by a timeout.
 */
export class WebPushSender {
  constructor(
    private readonly keys: VapidKeys,
    private readonly subject: string,
    private readonly timeoutMs = 10_000,
  ) {}

  get publicKey(): string {
    return this.keys.publicKey;
  }

  async send(target: PushTarget, payload: string, ttlSeconds = 24 * 3600): Promise<PushResult> {
    const request = webpush.generateRequestDetails({ endpoint: target.endpoint, keys: { p256dh: target.p256dh, auth: target.auth } }, payload, {
      vapidDetails: { subject: this.subject, publicKey: this.keys.publicKey, privateKey: this.keys.privateKey },
      contentEncoding: 'aes128gcm',
      TTL: ttlSeconds,
      urgency: 'normal',
    });
    const headers = Object.fromEntries(Object.entries(request.headers).map(([name, value]) => [name, String(value)]));
    let response: Response;
    try {
      response = await fetch(request.endpoint, {
        method: 'POST',
        headers,
        body: request.body ? new Uint8Array(request.body) : null,
        redirect: 'manual',
        signal: AbortSignal.timeout(this.timeoutMs),
      });
    } catch (error) {
      return { status: 'failed', reason: error instanceof Error ? error.message : String(error) };
    }
    await response.body?.cancel();
    if (response.status === 404 || response.status === 410) return { status: 'gone' };
    if (response.ok) return { status: 'sent' };
    return { status: 'failed', reason: `push service answered HTTP ${response.status}` };
  }
}
