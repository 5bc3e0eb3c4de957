import { Field, Int, ObjectType } from 'type-graphql';
import { NotificationChannel } from '../notification/notification.entity.js';
import { DigestFrequency } from './digest-setting.entity.js';

@ObjectType({ description: 'Whether one kind of event notifies the person on one channel.' })
export class NotificationPreference {
  @Field(() => String, { description: 'Event type, e.g. application.accepted.' })
  eventType!: string;

  @Field(() => NotificationChannel)
  channel!: NotificationChannel;

  @Field(() => Boolean, { description: 'The person’s choice, or the default: in-app and e-mail on; push on once a browser is registered.' })
  enabled!: boolean;

  @Field(() => Boolean, { description: 'True while the person has not chosen (the default applies).' })
  isDefault!: boolean;
}

@ObjectType({ description: 'How the signed-in person is notified.' })
export class NotificationPreferences {
  @Field(() => DigestFrequency, { description: "NONE: an e-mail per notification; DAILY: one digest e-mail a day." })
  digest!: DigestFrequency;

  @Field(() => Int, { description: 'Browsers registered for web push.' })
  pushSubscriptionCount!: number;

  @Field(() => [NotificationPreference], { description: 'Every event type that notifies, on each channel.' })
  preferences!: NotificationPreference[];
}
