import { loadConfig, serviceSettings } from '@stages/platform';
import { z } from 'zod';

const optional = <T extends z.ZodType>(schema: T) => z.preprocess((value) => (value === '' ? undefined : value), schema.optional());
// web-push's URL-safe base64 keys: a P-256 public point (65 bytes) and private scalar (32 bytes).
const base64url = (bytes: number) => z.string().regex(new RegExp(`^[A-Za-z0-9_-]{${Math.ceil((bytes * 4) / 3)}}$`), `expected a ${bytes}-byte URL-safe base64 key (web-push generate-vapid-keys)`);

function isTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

/** The notifications subgraph's own settings, read once at start (the shared ones come with the runtime). */
export const notificationSettingsSchema = z
  .object({
    NODE_ENV: serviceSettings.NODE_ENV,
    VAPID_PUBLIC_KEY: optional(base64url(65)),
    VAPID_PRIVATE_KEY: optional(base64url(32)),
    VAPID_SUBJECT: z
      .string()
      .regex(/^(mailto:\S+@\S+|https:\/\/\S+)$/, 'expected a mailto: address or an https:// URL (web push services contact it)')
      .default('mailto:no-reply@stages.local'),
    NOTIFICATION_DIGEST_HOUR: z.coerce.number().int().min(0, 'expected an hour from 0 to 23').max(23, 'expected an hour from 0 to 23').default(7),
    NOTIFICATION_DIGEST_TIME_ZONE: z.string().refine(isTimeZone, 'expected an IANA time zone such as Europe/Paris').default('Europe/Paris'),
    NOTIFICATION_DELIVERY_INTERVAL_MS: z.coerce.number().int().min(100).max(600_000).default(5000),
  })
  .superRefine((settings, context) => {
    // Both keys or neither (then a pair is generated once and kept in the database).
    if (Boolean(settings.VAPID_PUBLIC_KEY) !== Boolean(settings.VAPID_PRIVATE_KEY)) {
      const missing = settings.VAPID_PUBLIC_KEY ? 'VAPID_PRIVATE_KEY' : 'VAPID_PUBLIC_KEY';
      context.addIssue({ code: 'custom', path: [missing], message: 'expected with the other VAPID key (set both, or neither to generate a pair)' });
    }
  });

export type NotificationSettings = z.infer<typeof notificationSettingsSchema>;

export const loadNotificationSettings = (env: NodeJS.ProcessEnv = process.env): NotificationSettings => loadConfig(notificationSettingsSchema, env);
