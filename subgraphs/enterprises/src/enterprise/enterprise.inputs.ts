import { PageArgs } from '@stages/platform';
import { ArgsType, Field } from 'type-graphql';
import { VerificationStatus } from './enterprise.entity.js';

@ArgsType()
export class EnterprisesArgs extends PageArgs {
  @Field(() => VerificationStatus, { nullable: true })
  verificationStatus?: VerificationStatus | null;
}
