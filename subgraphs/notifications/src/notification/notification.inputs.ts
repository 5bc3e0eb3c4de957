import { DateTimeISOResolver } from 'graphql-scalars';
import { PageArgs } from '@stages/platform';
import { ArgsType, Field, ID, InputType, Int, ObjectType } from 'type-graphql';

@ArgsType()
export class MyNotificationsArgs extends PageArgs {
  @Field(() => Boolean, { nullable: true, description: 'Only those not read yet.' })
  unreadOnly?: boolean | null;
}

@InputType({ description: 'A message from the administrators to some accounts, delivered on each one’s channels.' })
export class SendNotificationInput {
  @Field(() => [ID], { description: 'Accounts to notify: 1 to 1000.' })
  recipientUserIds!: string[];

  @Field(() => String, { description: '1 to 200 characters.' })
  title!: string;

  @Field(() => String, { description: '1 to 4000 characters.' })
  body!: string;
}

@ObjectType({ description: 'The message is on its way: each recipient gets it as they chose (in-app, e-mail, push).' })
export class SendNotificationResult {
  @Field(() => Int, { description: 'Distinct accounts the message goes to.' })
  recipientCount!: number;

  @Field(() => DateTimeISOResolver)
  requestedAt!: Date;
}
