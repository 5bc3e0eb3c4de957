import { authorize, badUserInput, isSystemAdmin } from '@stages/platform';
import { Arg, Ctx, Field, InputType, Mutation, ObjectType, Resolver } from 'type-graphql';
import { audit } from '../audit/audit.js';
import type { AuthContext } from '../context.js';
import { CLIENT_SCOPES, createConfidentialClient } from './oauth-clients.js';

@InputType({ description: 'A server application (university ERP, integrator) that will use client credentials.' })
export class CreateOAuthClientInput {
  @Field(() => String)
  name!: string;

  @Field(() => [String], { description: `Among: ${CLIENT_SCOPES.join(', ')}.` })
  scopes!: string[];
}

@ObjectType({ description: 'The credentials of a new client. The secret is shown this once and cannot be read again.' })
export class OAuthClientCredentials {
  @Field(() => String)
  clientId!: string;

  @Field(() => String)
  clientSecret!: string;

  @Field(() => [String])
  scopes!: string[];
}

@Resolver()
export class OAuthClientResolver {
  @Mutation(() => OAuthClientCredentials, { description: 'Registers a confidential OAuth client: system administrators only.' })
  async createOAuthClient(@Arg('input', () => CreateOAuthClientInput) input: CreateOAuthClientInput, @Ctx() ctx: AuthContext): Promise<OAuthClientCredentials> {
    authorize(ctx.viewer, isSystemAdmin(ctx.viewer));
    const name = input.name.trim();
    if (name.length < 2 || name.length > 120) throw badUserInput('name', 'name must have between 2 and 120 characters.');
    const scopes = [...new Set(input.scopes)];
    if (scopes.length === 0 || scopes.some((scope) => !(CLIENT_SCOPES as readonly string[]).includes(scope))) {
      throw badUserInput('scopes', `scopes must be among ${CLIENT_SCOPES.join(', ')}.`);
    }
    const credentials = await createConfidentialClient(ctx.em, name, scopes);
    await audit(ctx.em, { action: 'oauth.client-created', actorId: ctx.viewer!.subject, ip: ctx.clientIp, details: { clientId: credentials.clientId, scopes } });
    return { ...credentials, scopes };
  }
}
