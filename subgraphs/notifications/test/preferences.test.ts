import { describe, expect, it } from 'vitest';
import { NotificationChannel } from '../src/notification/notification.entity.js';
import { DigestFrequency } from '../src/preference/digest-setting.entity.js';
import { isChannelEnabled, planDelivery } from '../src/preference/preferences.js';
import { validatePushSubscription } from '../src/push/push-subscription.validation.js';
import { notificationSettingsSchema } from '../src/settings.js';

const base = { explicit: {}, hasPushSubscription: false, hasEmail: true, digest: DigestFrequency.NONE };

describe('notification preferences', () => {
  it('should turn in-app and e-mail on by default, and push only with a subscription', () => {
    expect(isChannelEnabled(NotificationChannel.IN_APP, undefined, false)).toBe(true);
    expect(isChannelEnabled(NotificationChannel.EMAIL, undefined, false)).toBe(true);
    expect(isChannelEnabled(NotificationChannel.PUSH, undefined, false)).toBe(false);
    expect(isChannelEnabled(NotificationChannel.PUSH, undefined, true)).toBe(true);
    expect(isChannelEnabled(NotificationChannel.PUSH, true, false)).toBe(false);
  });

  it('should follow the person’s choices', () => {
    expect(planDelivery({ ...base, explicit: { IN_APP: false, EMAIL: false } })).toEqual({ inApp: false, email: null, push: false });
    expect(planDelivery({ ...base, hasPushSubscription: true, explicit: { PUSH: false } })).toEqual({ inApp: true, email: 'NOW', push: false });
    expect(planDelivery({ ...base, hasPushSubscription: true })).toEqual({ inApp: true, email: 'NOW', push: true });
  });

  it('should keep e-mails for the digest when the person chose a daily one, and send none without an address', () => {
    expect(planDelivery({ ...base, digest: DigestFrequency.DAILY }).email).toBe('DIGEST');
    expect(planDelivery({ ...base, hasEmail: false }).email).toBeNull();
  });
});

describe('push subscriptions', () => {
  const p256dh = Buffer.concat([Buffer.from([4]), Buffer.alloc(64, 7)]).toString('base64url');
  const auth = Buffer.alloc(16, 1).toString('base64url');

  it('should accept an https endpoint with a P-256 key and a 16-byte secret', () => {
    expect(validatePushSubscription({ endpoint: ' https://push.example/abc ', p256dh, auth }, true)).toEqual({ endpoint: 'https://push.example/abc', p256dh, auth });
  });

  it('should accept plain http only on the loopback interface outside production', () => {
    expect(validatePushSubscription({ endpoint: 'http://127.0.0.1:9999/push', p256dh, auth }, false).endpoint).toBe('http://127.0.0.1:9999/push');
    expect(() => validatePushSubscription({ endpoint: 'http://127.0.0.1:9999/push', p256dh, auth }, true)).toThrow(/https/);
    expect(() => validatePushSubscription({ endpoint: 'http://push.example/x', p256dh, auth }, false)).toThrow(/https/);
  });

  it('should name the field that is wrong', () => {
    const field = (input: { endpoint: string; p256dh: string; auth: string }) => {
      try {
        validatePushSubscription(input, false);
      } catch (error) {
        return (error as { extensions: { field: string } }).extensions.field;
      }
      return null;
    };
    expect(field({ endpoint: 'nope', p256dh, auth })).toBe('endpoint');
    expect(field({ endpoint: 'https://push.example/x', p256dh: auth, auth })).toBe('p256dh');
    expect(field({ endpoint: 'https://push.example/x', p256dh, auth: p256dh })).toBe('auth');
  });
});

describe('notification settings', () => {
  it('should default to 07:00 Europe/Paris and generated keys', () => {
    const settings = notificationSettingsSchema.parse({});
    expect(settings).toMatchObject({ NOTIFICATION_DIGEST_HOUR: 7, NOTIFICATION_DIGEST_TIME_ZONE: 'Europe/Paris', VAPID_SUBJECT: 'mailto:no-reply@stages.local' });
    expect(settings.VAPID_PUBLIC_KEY).toBeUndefined();
  });

  it('should refuse one VAPID key without the other, a bad hour and an unknown time zone', () => {
    const publicKey = Buffer.concat([Buffer.from([4]), Buffer.alloc(64, 3)]).toString('base64url');
    expect(notificationSettingsSchema.safeParse({ VAPID_PUBLIC_KEY: publicKey }).error?.issues[0]?.path).toEqual(['VAPID_PRIVATE_KEY']);
    expect(notificationSettingsSchema.safeParse({ NOTIFICATION_DIGEST_HOUR: '24' }).success).toBe(false);
    expect(notificationSettingsSchema.safeParse({ NOTIFICATION_DIGEST_TIME_ZONE: 'Mars/Olympus' }).success).toBe(false);
  });
});
