import { unauthenticated } from '@stages/platform';
import { Arg, Ctx, Field, Mutation, ObjectType, Resolver } from 'type-graphql';
import type { AuthContext } from '../context.js';
import { GraphQLError } from 'graphql';
import { LoginThrottle } from '../session/login-throttle.js';
import { User } from '../user/user.entity.js';
import { TotpService } from './totp.service.js';

@ObjectType({ description: 'What to scan in an authenticator app to set up two-factor sign-in.' })
export class TotpSetup {
  @Field(() => String, { description: 'Base32 secret, for typing it in by hand.' })
  secret!: string;

  @Field(() => String, { description: 'otpauth:// URI (RFC 6238 key URI).' })
  otpauthUri!: string;

  @Field(() => String, { description: 'The URI as a QR code, an SVG document.' })
  qrCodeSvg!: string;
}

function signedInUser(ctx: AuthContext): string {
  if (!ctx.viewer || ctx.viewer.kind !== 'user') throw unauthenticated();
  return ctx.viewer.subject;
}

/**
 * Codes typed to confirm or turn off two-factor sign-in are throttled like sign-in attempts: a stolen access
 * token must not be enough to try every 6-digit code.
 */
async function throttled<T>(ctx: AuthContext, userId: string, attempt: () => Promise<T>): Promise<T> {
  const user = await ctx.em.findOneOrFail(User, { id: userId });
  const throttle = new LoginThrottle(ctx.infrastructure.cache, ctx.auth.throttle);
  await throttle.check(user.email, ctx.clientIp);
  try {
    return await attempt();
  } catch (error) {
    if (error instanceof GraphQLError && error.extensions.code === 'BAD_USER_INPUT') await throttle.recordFailure(user.email, ctx.clientIp);
    throw error;
  }
}

@Resolver()
export class TotpResolver {
  @Mutation(() => TotpSetup, { description: 'Starts setting up two-factor sign-in for the signed-in account.' })
  beginTotpSetup(@Ctx() ctx: AuthContext): Promise<TotpSetup> {
    return new TotpService(ctx.clientIp).begin(ctx.em, signedInUser(ctx));
  }

  @Mutation(() => [String], { description: 'Confirms the setup with a first code; returns ten single-use recovery codes, shown once.' })
  confirmTotpSetup(@Arg('code', () => String) code: string, @Ctx() ctx: AuthContext): Promise<string[]> {
    const userId = signedInUser(ctx);
    return throttled(ctx, userId, () => new TotpService(ctx.clientIp).confirm(ctx.em, userId, code));
  }

  @Mutation(() => Boolean, { description: 'Turns two-factor sign-in off, with a current code or a recovery code.' })
  disableTotp(@Arg('code', () => String) code: string, @Ctx() ctx: AuthContext): Promise<boolean> {
    const userId = signedInUser(ctx);
    return throttled(ctx, userId, () => new TotpService(ctx.clientIp).disable(ctx.em, userId, code.slice(0, 16)));
  }
}
