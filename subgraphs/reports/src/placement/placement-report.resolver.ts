import { ConnectionType, findPage, loadByIdOrThrow, PageArgs, type Connection } from '@stages/platform';
import { Arg, Args, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import type { ReportsContext } from '../context.js';
import { University } from '../external/university.js';
import { PlacementReport } from './placement-report.entity.js';

export const PlacementReportConnection = ConnectionType(PlacementReport);

@Resolver(() => PlacementReport)
export class PlacementReportResolver {
  @Query(() => PlacementReport, { description: 'One placement report by id; NOT_FOUND when there is none.' })
  placementReport(@Arg('id', () => ID) id: string, @Ctx() ctx: ReportsContext): Promise<PlacementReport> {
    return loadByIdOrThrow(ctx.loaders.placementReportById, 'PlacementReport', id);
  }

  @Query(() => PlacementReportConnection, { description: 'Placement reports, oldest first, as a Relay connection.' })
  placementReports(@Args(() => PageArgs) args: PageArgs, @Ctx() ctx: ReportsContext): Promise<Connection<PlacementReport>> {
    return findPage(ctx.em, PlacementReport, {}, args);
  }

  @FieldResolver(() => University, { nullable: true })
  university(@Root() report: PlacementReport): University {
    return { id: report.universityId };
  }
}
