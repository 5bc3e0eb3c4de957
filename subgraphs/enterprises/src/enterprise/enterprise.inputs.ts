import { PageArgs } from '@stages/platform';
import { ArgsType, Field, ID, InputType, Int } from 'type-graphql';
import { VerificationStatus } from './enterprise.entity.js';

@ArgsType()
export class EnterprisesArgs extends PageArgs {
  @Field(() => VerificationStatus, { nullable: true })
  verificationStatus?: VerificationStatus | null;
}

@InputType({ description: 'An address of the enterprise; with the id of an existing one it is updated, without it a new one is added.' })
export class EnterpriseAddressInput {
  @Field(() => ID, { nullable: true, description: 'Id of the address to update; omit it to add one.' })
  id?: string | null;

  @Field(() => String, { nullable: true, description: 'At most 60 characters.' })
  label?: string | null;

  @Field(() => String, { description: '1 to 200 characters.' })
  line1!: string;

  @Field(() => String, { nullable: true, description: 'At most 200 characters.' })
  line2?: string | null;

  @Field(() => String, { description: 'Five digits in France (and territories using French postal codes); up to 20 characters elsewhere.' })
  postalCode!: string;

  @Field(() => String, { description: '1 to 120 characters.' })
  city!: string;

  @Field(() => String, { description: 'ISO 3166-1 alpha-2 country code, e.g. FR.' })
  country!: string;

  @Field(() => Boolean, { nullable: true, description: 'The registered head office (at most one address).' })
  isHeadOffice?: boolean | null;
}

@InputType({ description: 'A person to reach at the enterprise; with the id of an existing one it is updated.' })
export class EnterpriseContactInput {
  @Field(() => ID, { nullable: true, description: 'Id of the contact to update; omit it to add one.' })
  id?: string | null;

  @Field(() => String, { description: '1 to 120 characters.' })
  name!: string;

  @Field(() => String, { nullable: true, description: 'At most 120 characters.' })
  role?: string | null;

  @Field(() => String, { nullable: true })
  email?: string | null;

  @Field(() => String, { nullable: true, description: 'Digits, spaces, dots, dashes, parentheses and a leading +; 6 to 15 digits.' })
  phone?: string | null;
}

/**
 * The fields to change; an omitted field stays as it is. `description` and `website` are cleared with null or an
 * empty string. `certifications`, `addresses` and `contacts`, when given, are the whole new lists.
 */
@InputType({ description: 'Changes to an enterprise’s profile; omitted fields stay as they are. Lists, when given, replace the current ones.' })
export class UpdateEnterpriseProfileInput {
  @Field(() => String, { nullable: true, description: 'Name used in offers, 1 to 200 characters.' })
  name?: string | null;

  @Field(() => String, { nullable: true, description: '1 to 200 characters.' })
  legalName?: string | null;

  @Field(() => String, { nullable: true, description: '14 digits with a valid checksum; changing it sends a verified enterprise back to PENDING.' })
  siret?: string | null;

  @Field(() => String, { nullable: true, description: 'NAF/APE code such as 62.01Z.' })
  nafCode?: string | null;

  @Field(() => String, { nullable: true, description: '1 to 120 characters.' })
  sector?: string | null;

  @Field(() => String, { nullable: true, description: '1 to 120 characters.' })
  city?: string | null;

  @Field(() => Int, { nullable: true, description: 'Number of employees.' })
  headcount?: number | null;

  @Field(() => String, { nullable: true, description: 'At most 5000 characters.' })
  description?: string | null;

  @Field(() => String, { nullable: true, description: 'An https URL, at most 300 characters.' })
  website?: string | null;

  @Field(() => [String], { nullable: true, description: 'At most 20, each 1 to 100 characters.' })
  certifications?: string[] | null;

  @Field(() => [EnterpriseAddressInput], { nullable: true, description: 'At most 10 addresses, at most one head office.' })
  addresses?: EnterpriseAddressInput[] | null;

  @Field(() => [EnterpriseContactInput], { nullable: true, description: 'At most 20 contacts.' })
  contacts?: EnterpriseContactInput[] | null;
}
