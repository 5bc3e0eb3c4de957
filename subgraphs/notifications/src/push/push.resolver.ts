import { Arg, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import type { NotificationsContext } from '../context.js';
import { requirePerson } from '../notification/notification.resolver.js';
import { notificationsRuntime } from '../runtime.js';
import { RegisterPushSubscriptionInput } from './push.inputs.js';
import { validatePushSubscription } from './push-subscription.validation.js';
import { PushSubscription } from './push-subscription.entity.js';

@Resolver(() => PushSubscription)
export class PushResolver {
  @Query(() => String, { description: 'The VAPID public key browsers subscribe with (applicationServerKey); public.' })
  webPushPublicKey(): string {
    return notificationsRuntime().push.publicKey;
  }

  @Mutation(() => PushSubscription, { description: 'Registers this browser for web push for the signed-in person (again: updates it).' })
  async registerPushSubscription(@Arg('input', () => RegisterPushSubscriptionInput) input: RegisterPushSubscriptionInput, @Ctx() ctx: NotificationsContext): Promise<PushSubscription> {
    const userId = requirePerson(ctx);
    const valid = validatePushSubscription(input, notificationsRuntime().settings.NODE_ENV === 'production');
    // One browser, one endpoint: whoever signs in on it last receives its pushes.
    const existing = await ctx.em.findOne(PushSubscription, { endpoint: valid.endpoint });
    const subscription = existing ? ctx.em.assign(existing, { ...valid, userId }) : ctx.em.create(PushSubscription, { ...valid, userId, createdAt: new Date() });
    await ctx.em.flush();
    return subscription;
  }

  @Mutation(() => Boolean, { description: 'Stops web push to this browser for the signed-in person; false when it was not registered.' })
  async removePushSubscription(@Arg('endpoint', () => String) endpoint: string, @Ctx() ctx: NotificationsContext): Promise<boolean> {
    const userId = requirePerson(ctx);
    return (await ctx.em.nativeDelete(PushSubscription, { endpoint: endpoint.trim(), userId })) > 0;
  }
}
