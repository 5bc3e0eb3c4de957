import { PageArgs } from '@stages/platform';
import { ArgsType, Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { ApplicationStatus } from './application.entity.js';

@InputType({ description: 'A student’s application to a published offer.' })
export class ApplyToOfferInput {
  @Field(() => ID)
  offerId!: string;

  @Field(() => String, { nullable: true, description: 'At most 5000 characters.' })
  coverLetter?: string | null;

  @Field(() => [ID], { nullable: true, description: 'Documents to attach (CV, transcripts…), at most 5: documents the student uploaded (`uploadDocument`); the enterprise may then read them, until the application is withdrawn or rejected.' })
  documentIds?: string[] | null;
}

@ArgsType()
export class OfferApplicationsArgs extends PageArgs {
  @Field(() => [ApplicationStatus], { nullable: true, description: 'Only applications in these statuses (all when omitted or empty).' })
  status?: ApplicationStatus[] | null;
}

@ObjectType({ description: 'How many applications to an offer are in one status.' })
export class ApplicationStatusCount {
  @Field(() => ApplicationStatus)
  status!: ApplicationStatus;

  @Field(() => Int)
  count!: number;
}
