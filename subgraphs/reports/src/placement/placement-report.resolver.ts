import { authorize, ConnectionType, findPage, loadVisibleOrThrow, PageArgs, type Connection } from '@stages/platform';
import { Arg, Args, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import type { ReportsContext } from '../context.js';
import { University } from '../external/university.js';
import { PlacementReport } from './placement-report.entity.js';
import { canReadPlacementReport, placementReportScope } from './placement-report.policy.js';

export const PlacementReportConnection = ConnectionType(PlacementReport);

@Resolver(() => PlacementReport)
export class PlacementReportResolver {
  @Query(() => PlacementReport, { description: 'One placement report: the university’s staff or a system administrator.' })
  placementReport(@Arg('id', () => ID) id: string, @Ctx() ctx: ReportsContext): Promise<PlacementReport> {
    return loadVisibleOrThrow(ctx.loaders.placementReportById, 'PlacementReport', id, ctx.viewer, (report) => canReadPlacementReport(ctx.viewer, report));
  }

  @Query(() => PlacementReportConnection, { description: 'The placement reports the caller may see, oldest first.' })
  placementReports(@Args(() => PageArgs) args: PageArgs, @Ctx() ctx: ReportsContext): Promise<Connection<PlacementReport>> {
    const scope = placementReportScope(ctx.viewer);
    authorize(ctx.viewer, scope !== null);
    return findPage(ctx.em, PlacementReport, scope!, args);
  }

  @FieldResolver(() => University, { nullable: true })
  university(@Root() report: PlacementReport): University {
    return { id: report.universityId };
  }
}
