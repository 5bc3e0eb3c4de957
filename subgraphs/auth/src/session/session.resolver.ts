import { badUserInput, unauthenticated } from '@stages/platform';
import { Arg, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import type { AuthContext } from '../context.js';
import { User } from '../user/user.entity.js';
import { PASSWORD_MAX_LENGTH } from './passwords.js';
import { AuthPayload, RegisterEnterpriseInput, RegisterStudentInput, RequestAccepted } from './session.inputs.js';
import { sessionServiceFor, type SessionService } from './session.service.js';

const TOKEN_MAX_LENGTH = 128;

function sessions(ctx: AuthContext): SessionService {
  return sessionServiceFor({ infrastructure: ctx.infrastructure, auth: ctx.auth, clientUrl: ctx.clientUrl, ip: ctx.clientIp });
}

function boundedToken(field: string, value: string): string {
  if (value.length === 0 || value.length > TOKEN_MAX_LENGTH) throw badUserInput(field, `${field} is not a token issued by Stages.`);
  return value;
}

@Resolver()
export class SessionResolver {
  @Query(() => User, { description: 'The signed-in account; UNAUTHENTICATED without a valid access token.' })
  async me(@Ctx() ctx: AuthContext): Promise<User> {
    if (!ctx.viewer || ctx.viewer.kind !== 'user') throw unauthenticated();
    const user = await ctx.loaders.userById.load(ctx.viewer.subject);
    if (!user) throw unauthenticated();
    return user;
  }

  @Mutation(() => RequestAccepted, { description: 'Creates a student account and e-mails a link to activate it.' })
  registerStudent(@Arg('input', () => RegisterStudentInput) input: RegisterStudentInput, @Ctx() ctx: AuthContext): Promise<RequestAccepted> {
    return sessions(ctx).registerStudent(ctx.em, input);
  }

  @Mutation(() => RequestAccepted, { description: 'Creates a recruiter account and registers the enterprise (verified later by an administrator).' })
  registerEnterprise(@Arg('input', () => RegisterEnterpriseInput) input: RegisterEnterpriseInput, @Ctx() ctx: AuthContext): Promise<RequestAccepted> {
    return sessions(ctx).registerEnterprise(ctx.em, input);
  }

  @Mutation(() => User, { description: 'Activates an account with the token of its verification e-mail (single use, 24 h).' })
  verifyEmail(@Arg('token', () => String) token: string, @Ctx() ctx: AuthContext): Promise<User> {
    return sessions(ctx).verifyEmail(ctx.em, boundedToken('token', token));
  }

  @Mutation(() => AuthPayload, { description: 'Signs in with e-mail and password.' })
  login(@Arg('email', () => String) email: string, @Arg('password', () => String) password: string, @Ctx() ctx: AuthContext): Promise<AuthPayload> {
    if (email.length > 254) throw badUserInput('email', 'email must be a valid e-mail address.');
    if (password.length > PASSWORD_MAX_LENGTH) throw badUserInput('password', `password must have at most ${PASSWORD_MAX_LENGTH} characters.`);
    return sessions(ctx).login(ctx.em, email, password);
  }

  @Mutation(() => AuthPayload, { description: 'Second step of a sign-in with two-factor: the ticket from `login` and a code of the app (or a recovery code).' })
  completeSecondFactor(@Arg('ticket', () => String) ticket: string, @Arg('code', () => String) code: string, @Ctx() ctx: AuthContext): Promise<AuthPayload> {
    return sessions(ctx).loginWithSecondFactor(ctx.em, boundedToken('ticket', ticket), code);
  }

  @Mutation(() => AuthPayload, { description: 'New tokens for a refresh token, which is rotated: each works once.' })
  refreshSession(@Arg('refreshToken', () => String) refreshToken: string, @Ctx() ctx: AuthContext): Promise<AuthPayload> {
    return sessions(ctx).refresh(ctx.em, boundedToken('refreshToken', refreshToken));
  }

  @Mutation(() => RequestAccepted, { description: 'E-mails a link to choose a new password; the same answer for any address.' })
  requestPasswordReset(@Arg('email', () => String) email: string, @Ctx() ctx: AuthContext): Promise<RequestAccepted> {
    return sessions(ctx).requestPasswordReset(ctx.em, email);
  }

  @Mutation(() => Boolean, { description: 'Sets a new password with the token of a reset e-mail; every session of the account ends.' })
  resetPassword(@Arg('token', () => String) token: string, @Arg('password', () => String) password: string, @Ctx() ctx: AuthContext): Promise<boolean> {
    return sessions(ctx).resetPassword(ctx.em, boundedToken('token', token), password);
  }

  @Mutation(() => Boolean, { description: 'Ends the session of a refresh token.' })
  logout(@Arg('refreshToken', () => String) refreshToken: string, @Ctx() ctx: AuthContext): Promise<boolean> {
    return sessions(ctx).logout(ctx.em, boundedToken('refreshToken', refreshToken));
  }
}
