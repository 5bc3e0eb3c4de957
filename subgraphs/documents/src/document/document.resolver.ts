import { authorize, ConnectionType, findPage, loadVisibleOrThrow, PageArgs, type Connection } from '@stages/platform';
import { Arg, Args, Ctx, ID, Query, Resolver } from 'type-graphql';
import type { DocumentsContext } from '../context.js';
import { Document } from './document.entity.js';
import { canReadDocument, documentScope } from './document.policy.js';

export const DocumentConnection = ConnectionType(Document);

@Resolver(() => Document)
export class DocumentResolver {
  @Query(() => Document, { description: 'One document: its owner or a system administrator.' })
  document(@Arg('id', () => ID) id: string, @Ctx() ctx: DocumentsContext): Promise<Document> {
    return loadVisibleOrThrow(ctx.loaders.documentById, 'Document', id, ctx.viewer, (document) => canReadDocument(ctx.viewer, document));
  }

  @Query(() => DocumentConnection, { description: 'The caller’s documents (all of them for system administrators), oldest first.' })
  documents(@Args(() => PageArgs) args: PageArgs, @Ctx() ctx: DocumentsContext): Promise<Connection<Document>> {
    const scope = documentScope(ctx.viewer);
    authorize(ctx.viewer, scope !== null);
    return findPage(ctx.em, Document, scope!, args);
  }
}
