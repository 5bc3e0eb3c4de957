import { Arg, Ctx, FieldResolver, Float, ID, Mutation, Resolver, Root } from 'type-graphql';
import type { ApplicationsContext } from '../context.js';
import { Application } from '../application/application.entity.js';
import { canReadEvaluations } from '../application/application.policy.js';
import { ApplicationEvaluation } from './evaluation.entity.js';
import { EvaluateApplicationInput } from './evaluation.inputs.js';
import { averageScore } from './evaluation.rules.js';
import { evaluateApplication } from './evaluation.service.js';

@Resolver(() => ApplicationEvaluation)
export class EvaluationResolver {
  @Mutation(() => ApplicationEvaluation, {
    description: 'One of the enterprise’s recruiters evaluates an application: 1 to 10 distinct criteria scored 1 to 5 and a comment (at most 2000 characters). Submitting again replaces that recruiter’s evaluation.',
  })
  evaluateApplication(
    @Arg('applicationId', () => ID) applicationId: string,
    @Arg('input', () => EvaluateApplicationInput) input: EvaluateApplicationInput,
    @Ctx() ctx: ApplicationsContext,
  ): Promise<ApplicationEvaluation> {
    return evaluateApplication(ctx, applicationId, input);
  }

  @FieldResolver(() => Application, { description: 'The application evaluated.' })
  async application(@Root() evaluation: ApplicationEvaluation, @Ctx() ctx: ApplicationsContext): Promise<Application> {
    return (await ctx.loaders.applicationById.load(evaluation.applicationId))!;
  }
}

@Resolver(() => Application)
export class ApplicationEvaluationsResolver {
  @FieldResolver(() => [ApplicationEvaluation], {
    nullable: true,
    description: 'The recruiters’ evaluations, oldest first: for the enterprise’s recruiters and system administrators; null for everyone else (never shown to the student).',
  })
  async evaluations(@Root() application: Application, @Ctx() ctx: ApplicationsContext): Promise<ApplicationEvaluation[] | null> {
    if (!canReadEvaluations(ctx.viewer, application)) return null;
    return ctx.loaders.evaluationsByApplication.load(application.id);
  }

  @FieldResolver(() => Float, {
    nullable: true,
    description: 'Mean of the recruiters’ evaluations (each recruiter’s mean weighs the same), two decimals; null without evaluations or for those who may not read them.',
  })
  async averageScore(@Root() application: Application, @Ctx() ctx: ApplicationsContext): Promise<number | null> {
    if (!canReadEvaluations(ctx.viewer, application)) return null;
    return averageScore(await ctx.loaders.evaluationsByApplication.load(application.id));
  }
}
