import {
  authorize,
  badUserInput,
  conflict,
  forbidden,
  hasRole,
  isSystemAdmin,
  isUuid,
  newId,
  unauthenticated,
} from '@stages/platform';
import { LockMode } from '@mikro-orm/core';
import { Arg, Ctx, Field, ID, InputType, Mutation, Resolver } from 'type-graphql';
import { audit } from '../audit/audit.js';
import type { AuthContext } from '../context.js';
import { EmailToken, EmailTokenPurpose } from '../session/email-token.entity.js';
import { hashPassword, PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '../session/passwords.js';
import { hashRefreshToken, newRefreshToken } from '../session/tokens.js';
import { Locale, Role, User, UserStatus } from '../user/user.entity.js';

const INVITATION_TTL_MS = 7 * 24 * 3600_000;
const STAFF_ROLES = [Role.UNIVERSITY_ADMIN, Role.UNIVERSITY_SUPERVISOR];
const EMAIL = /^[^\s@]{1,64}@[^\s@]{1,189}\.[^\s@]{2,}$/;

@InputType({ description: 'A member of a university’s staff to invite.' })
export class InviteUniversityStaffInput {
  @Field(() => String)
  email!: string;

  @Field(() => String)
  displayName!: string;

  @Field(() => Role, { description: 'UNIVERSITY_ADMIN or UNIVERSITY_SUPERVISOR.' })
  role!: Role;

  @Field(() => ID, { nullable: true, description: 'Required for a system administrator; a university administrator invites to their own.' })
  universityId?: string | null;
}

@Resolver()
export class InvitationResolver {
  @Mutation(() => User, { description: 'Invites a university administrator or supervisor; they choose their password from the e-mailed link (7 days).' })
  async inviteUniversityStaff(@Arg('input', () => InviteUniversityStaffInput) input: InviteUniversityStaffInput, @Ctx() ctx: AuthContext): Promise<User> {
    const viewer = ctx.viewer;
    authorize(viewer, isSystemAdmin(viewer) || hasRole(viewer, 'UNIVERSITY_ADMIN'));
    const universityId = isSystemAdmin(viewer) ? input.universityId : (input.universityId ?? viewer!.universityId);
    if (!universityId || !isUuid(universityId)) throw badUserInput('universityId', 'universityId must be the UUID of a university.');
    if (!isSystemAdmin(viewer) && universityId !== viewer!.universityId) throw forbidden('You can invite staff only to your own university.');
    if (!STAFF_ROLES.includes(input.role)) throw badUserInput('role', 'role must be UNIVERSITY_ADMIN or UNIVERSITY_SUPERVISOR.');
    const email = input.email.trim().toLowerCase();
    if (email.length > 254 || !EMAIL.test(email)) throw badUserInput('email', 'email must be a valid e-mail address.');
    const displayName = input.displayName.trim();
    if (displayName.length < 2 || displayName.length > 120) throw badUserInput('displayName', 'displayName must have between 2 and 120 characters.');
    if (await ctx.em.findOne(User, { email })) throw conflict('This address already has an account.');

    const { token, hash } = newRefreshToken();
    const user = await ctx.em.transactional(async (tx) => {
      const created = tx.create(User, { id: newId(), email, displayName, roles: [input.role], status: UserStatus.PENDING_VERIFICATION, locale: Locale.FR, universityId, createdAt: new Date() });
      await tx.flush();
      tx.create(EmailToken, { userId: created.id, purpose: EmailTokenPurpose.INVITATION, tokenHash: hash, expiresAt: new Date(Date.now() + INVITATION_TTL_MS), createdAt: new Date() });
      return created;
    });
    await audit(ctx.em, { action: 'staff.invited', userId: user.id, actorId: viewer!.subject, ip: ctx.clientIp, details: { role: input.role, universityId } });
    await ctx.infrastructure.mailer.send({
      to: email,
      subject: 'Invitation à rejoindre Stages / Invitation to join Stages',
      text:
        `Bonjour ${displayName},\n\nVous êtes invité·e à rejoindre Stages. Choisissez votre mot de passe dans les 7 jours :\n${ctx.clientUrl}/accept-invitation?token=${token}\n\n` +
        `Hello ${displayName},\n\nYou are invited to join Stages. Choose your password within 7 days:\n${ctx.clientUrl}/accept-invitation?token=${token}\n`,
    });
    return user;
  }

  @Mutation(() => User, { description: 'Accepts an invitation with its token and a password; the account becomes active.' })
  async acceptInvitation(@Arg('token', () => String) token: string, @Arg('password', () => String) password: string, @Ctx() ctx: AuthContext): Promise<User> {
    if (password.length < PASSWORD_MIN_LENGTH || password.length > PASSWORD_MAX_LENGTH) {
      throw badUserInput('password', `password must have between ${PASSWORD_MIN_LENGTH} and ${PASSWORD_MAX_LENGTH} characters.`);
    }
    const passwordHash = await hashPassword(password);
    const user = await ctx.em.transactional(async (tx) => {
      const record = await tx.findOne(EmailToken, { tokenHash: hashRefreshToken(token.slice(0, 128)), purpose: EmailTokenPurpose.INVITATION }, { lockMode: LockMode.PESSIMISTIC_WRITE });
      if (!record || record.usedAt || record.expiresAt <= new Date()) throw unauthenticated('This invitation is invalid, already used or expired.');
      record.usedAt = new Date();
      const invited = await tx.findOneOrFail(User, { id: record.userId });
      invited.passwordHash = passwordHash;
      invited.status = UserStatus.ACTIVE;
      invited.emailVerifiedAt = new Date();
      return invited;
    });
    await audit(ctx.em, { action: 'staff.invitation-accepted', userId: user.id, ip: ctx.clientIp });
    return user;
  }
}
