import { authorize, ConnectionType, findPage, isSystemAdmin, loadByIdOrThrow, PageArgs, type Connection } from '@stages/platform';
import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { EnterprisesContext } from '../context.js';
import { EnterpriseAddress } from './enterprise-address.entity.js';
import { EnterpriseContact } from './enterprise-contact.entity.js';
import { Enterprise, VerificationStatus } from './enterprise.entity.js';
import { EnterprisesArgs, UpdateEnterpriseProfileInput } from './enterprise.inputs.js';
import { canReadContactDetails, canReadVerificationNote } from './enterprise.policy.js';
import { rejectEnterprise, requestEnterpriseVerification, updateEnterpriseProfile, verifyEnterprise } from './enterprise.service.js';

export const EnterpriseConnection = ConnectionType(Enterprise);

@Resolver(() => Enterprise)
export class EnterpriseResolver {
  @Query(() => Enterprise, { description: 'One enterprise by id; NOT_FOUND when there is none.' })
  enterprise(@Arg('id', () => ID) id: string, @Ctx() ctx: EnterprisesContext): Promise<Enterprise> {
    return loadByIdOrThrow(ctx.loaders.enterpriseById, 'Enterprise', id);
  }

  @Query(() => EnterpriseConnection, { description: 'Enterprises, oldest first, as a Relay connection.' })
  enterprises(@Args(() => EnterprisesArgs) args: EnterprisesArgs, @Ctx() ctx: EnterprisesContext): Promise<Connection<Enterprise>> {
    return findPage(ctx.em, Enterprise, args.verificationStatus ? { verificationStatus: args.verificationStatus } : {}, args);
  }

  @Query(() => EnterpriseConnection, { description: 'Enterprises that asked to be verified (SUBMITTED), oldest first: system administrators only.' })
  enterprisesAwaitingVerification(@Args(() => PageArgs) args: PageArgs, @Ctx() ctx: EnterprisesContext): Promise<Connection<Enterprise>> {
    authorize(ctx.viewer, isSystemAdmin(ctx.viewer), 'Only system administrators review enterprises.');
    return findPage(ctx.em, Enterprise, { verificationStatus: VerificationStatus.SUBMITTED }, args);
  }

  @Mutation(() => Enterprise, {
    description:
      'Changes the profile: the enterprise’s recruiters or a system administrator. Each invalid field is a BAD_USER_INPUT naming it (SIRET checksum, NAF code, lengths, https website, addresses, contacts); a new SIRET sends a VERIFIED enterprise back to PENDING.',
  })
  updateEnterpriseProfile(
    @Arg('id', () => ID) id: string,
    @Arg('input', () => UpdateEnterpriseProfileInput) input: UpdateEnterpriseProfileInput,
    @Ctx() ctx: EnterprisesContext,
  ): Promise<Enterprise> {
    return updateEnterpriseProfile(ctx, id, input);
  }

  @Mutation(() => Enterprise, {
    description:
      'A recruiter asks for the enterprise to be verified: PENDING or REJECTED → SUBMITTED (the profile needs its head office address). Emits enterprise.verification-requested.',
  })
  requestEnterpriseVerification(@Arg('id', () => ID) id: string, @Ctx() ctx: EnterprisesContext): Promise<Enterprise> {
    return requestEnterpriseVerification(ctx, id);
  }

  @Mutation(() => Enterprise, { description: 'A system administrator verifies a SUBMITTED enterprise, which may then publish offers. Emits enterprise.verified.' })
  verifyEnterprise(@Arg('id', () => ID) id: string, @Ctx() ctx: EnterprisesContext): Promise<Enterprise> {
    return verifyEnterprise(ctx, id);
  }

  @Mutation(() => Enterprise, {
    description: 'A system administrator rejects a SUBMITTED enterprise, saying why (kept as verificationNote and told to its recruiters). Emits enterprise.rejected.',
  })
  rejectEnterprise(
    @Arg('id', () => ID) id: string,
    @Arg('reason', () => String, { description: 'What the enterprise should fix: 1 to 1000 characters.' }) reason: string,
    @Ctx() ctx: EnterprisesContext,
  ): Promise<Enterprise> {
    return rejectEnterprise(ctx, id, reason);
  }

  @FieldResolver(() => [EnterpriseAddress], { description: 'Postal addresses, the order they were added in.' })
  addresses(@Root() enterprise: Enterprise, @Ctx() ctx: EnterprisesContext): Promise<EnterpriseAddress[]> {
    return ctx.loaders.addressesByEnterprise.load(enterprise.id);
  }

  @FieldResolver(() => [EnterpriseContact], { description: 'People to reach at the enterprise, the order they were added in.' })
  contacts(@Root() enterprise: Enterprise, @Ctx() ctx: EnterprisesContext): Promise<EnterpriseContact[]> {
    return ctx.loaders.contactsByEnterprise.load(enterprise.id);
  }

  @FieldResolver(() => String, {
    nullable: true,
    description: 'Why the last verification was rejected; null otherwise. Shown to the enterprise’s recruiters and system administrators only (null for others).',
  })
  verificationNote(@Root() enterprise: Enterprise, @Ctx() ctx: EnterprisesContext): string | null {
    return canReadVerificationNote(ctx.viewer, enterprise.id) ? enterprise.verificationNote : null;
  }
}

@Resolver(() => EnterpriseContact)
export class EnterpriseContactResolver {
  @FieldResolver(() => String, { nullable: true, description: 'For the enterprise’s recruiters, university staff and system administrators; null for others.' })
  email(@Root() contact: EnterpriseContact, @Ctx() ctx: EnterprisesContext): string | null {
    return canReadContactDetails(ctx.viewer, contact.enterpriseId) ? contact.email : null;
  }

  @FieldResolver(() => String, { nullable: true, description: 'For the enterprise’s recruiters, university staff and system administrators; null for others.' })
  phone(@Root() contact: EnterpriseContact, @Ctx() ctx: EnterprisesContext): string | null {
    return canReadContactDetails(ctx.viewer, contact.enterpriseId) ? contact.phone : null;
  }
}
