import { unauthenticated } from '@stages/platform';
import { Arg, Ctx, Field, Mutation, ObjectType, Resolver } from 'type-graphql';
import type { AuthContext } from '../context.js';
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

@Resolver()
export class TotpResolver {
  @Mutation(() => TotpSetup, { description: 'Starts setting up two-factor sign-in for the signed-in account.' })
  beginTotpSetup(@Ctx() ctx: AuthContext): Promise<TotpSetup> {
    return new TotpService(ctx.clientIp).begin(ctx.em, signedInUser(ctx));
  }

  @Mutation(() => [String], { description: 'Confirms the setup with a first code; returns ten single-use recovery codes, shown once.' })
  confirmTotpSetup(@Arg('code', () => String) code: string, @Ctx() ctx: AuthContext): Promise<string[]> {
    return new TotpService(ctx.clientIp).confirm(ctx.em, signedInUser(ctx), code);
  }

  @Mutation(() => Boolean, { description: 'Turns two-factor sign-in off, with a current code or a recovery code.' })
  disableTotp(@Arg('code', () => String) code: string, @Ctx() ctx: AuthContext): Promise<boolean> {
    return new TotpService(ctx.clientIp).disable(ctx.em, signedInUser(ctx), code.slice(0, 16));
  }
}
