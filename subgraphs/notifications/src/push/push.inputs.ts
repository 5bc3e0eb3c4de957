import { Field, InputType } from 'type-graphql';

@InputType({ description: 'A browser’s PushSubscription (PushSubscription.toJSON(): endpoint and keys).' })
export class RegisterPushSubscriptionInput {
  @Field(() => String, { description: 'The push service URL (https).' })
  endpoint!: string;

  @Field(() => String, { description: 'keys.p256dh: the browser’s P-256 public key, URL-safe base64.' })
  p256dh!: string;

  @Field(() => String, { description: 'keys.auth: the 16-byte authentication secret, URL-safe base64.' })
  auth!: string;
}
