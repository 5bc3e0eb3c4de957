import { authorize, isSystemAdmin } from '@stages/platform';
import { DateTimeISOResolver } from 'graphql-scalars';
import { Ctx, Field, Mutation, ObjectType, Resolver } from 'type-graphql';
import { audit } from '../audit/audit.js';
import type { AuthContext } from '../context.js';
import { signingKeys } from './signing-keys.js';

@ObjectType({ description: 'The key that will sign access tokens after a rotation.' })
export class SigningKeyRotation {
  @Field(() => String)
  kid!: string;

  @Field(() => DateTimeISOResolver, { description: 'When it starts signing; it is published in the JWKS already.' })
  activeFrom!: Date;
}

@Resolver()
export class SigningKeyResolver {
  @Mutation(() => SigningKeyRotation, { description: 'Rotates the token signing key: system administrators only.' })
  async rotateSigningKey(@Ctx() ctx: AuthContext): Promise<SigningKeyRotation> {
    authorize(ctx.viewer, isSystemAdmin(ctx.viewer));
    const rotation = await signingKeys.rotate(ctx.em);
    await audit(ctx.em, { action: 'keys.rotated', actorId: ctx.viewer!.subject, ip: ctx.clientIp, details: { kid: rotation.kid } });
    return rotation;
  }
}
