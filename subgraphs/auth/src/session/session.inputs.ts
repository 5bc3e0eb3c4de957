import { Field, InputType, ObjectType, Int, ID } from 'type-graphql';
import { User } from '../user/user.entity.js';

/** What every self-registration asks for. */
@InputType()
export class AccountFields {
  @Field(() => String)
  email!: string;

  @Field(() => String, { description: 'At least 10 characters.' })
  password!: string;

  @Field(() => String)
  displayName!: string;

  @Field(() => String, { nullable: true, description: 'fr (default) or en.' })
  locale?: string | null;
}

@InputType({ description: 'A student creates an account at their university.' })
export class RegisterStudentInput extends AccountFields {
  @Field(() => ID)
  universityId!: string;
}

@InputType({ description: 'The enterprise a recruiter registers; an administrator verifies it before it can publish.' })
export class NewEnterpriseInput {
  @Field(() => String)
  name!: string;

  @Field(() => String)
  legalName!: string;

  @Field(() => String, { description: '14 digits with a valid checksum.' })
  siret!: string;

  @Field(() => String, { description: 'NAF/APE code, e.g. 62.01Z.' })
  nafCode!: string;

  @Field(() => String)
  sector!: string;

  @Field(() => String)
  city!: string;

  @Field(() => Int)
  headcount!: number;
}

@InputType({ description: 'A recruiter creates an account and registers their enterprise.' })
export class RegisterEnterpriseInput extends AccountFields {
  @Field(() => NewEnterpriseInput)
  enterprise!: NewEnterpriseInput;
}

@ObjectType({ description: 'Tokens of a signed-in session.' })
export class AuthPayload {
  @Field(() => String, { description: 'RS256 JWT, sent as "Authorization: Bearer <token>".' })
  accessToken!: string;

  @Field(() => String)
  tokenType!: string;

  @Field(() => Int, { description: 'Seconds until the access token expires.' })
  expiresIn!: number;

  @Field(() => String, { description: 'Opaque; rotated on every use; valid 7 days.' })
  refreshToken!: string;

  @Field(() => User)
  user!: User;
}

@ObjectType({ description: 'The same answer whether or not the address has an account.' })
export class RequestAccepted {
  @Field(() => Boolean)
  accepted!: boolean;

  @Field(() => String)
  message!: string;
}
