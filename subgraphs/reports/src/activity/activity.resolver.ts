import { authorize, badUserInput, isSystemAdmin } from '@stages/platform';
import { LocalDateResolver } from 'graphql-scalars';
import { Arg, Ctx, Field, Int, ObjectType, Query, Resolver } from 'type-graphql';
import type { ReportsContext } from '../context.js';
import { daysBetween, MAX_ACTIVITY_DAYS } from './activity.js';
import { EventTally } from './event-tally.entity.js';

@ObjectType({ description: 'How many domain events of a type happened on a day (Europe/Paris).' })
export class ActivityCount {
  @Field(() => LocalDateResolver)
  day!: string;

  @Field(() => String, { description: 'Event type, e.g. application.shortlisted.' })
  type!: string;

  @Field(() => Int)
  count!: number;
}

@Resolver()
export class ActivityResolver {
  @Query(() => [ActivityCount], {
    description: `Platform activity: the number of events of each type per day from \`from\` to \`to\` (both included, at most ${MAX_ACTIVITY_DAYS} days), by day then type; days without events are left out. System administrators only.`,
  })
  async activityReport(
    @Arg('from', () => LocalDateResolver) from: string,
    @Arg('to', () => LocalDateResolver) to: string,
    @Ctx() ctx: ReportsContext,
  ): Promise<ActivityCount[]> {
    authorize(ctx.viewer, isSystemAdmin(ctx.viewer), 'Only system administrators see the platform’s activity.');
    if (to < from) throw badUserInput('to', 'to must be on or after from.');
    if (daysBetween(from, to) > MAX_ACTIVITY_DAYS) throw badUserInput('to', `The period may cover at most ${MAX_ACTIVITY_DAYS} days.`);
    const rows = await ctx.em.find(EventTally, { day: { $gte: from, $lte: to } }, { orderBy: { day: 'asc', type: 'asc' } });
    return rows.map(({ day, type, count }) => ({ day, type, count }));
  }
}
