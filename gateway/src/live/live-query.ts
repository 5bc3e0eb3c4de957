import { Kind, visit, type DocumentNode, type FieldNode, type FragmentDefinitionNode, type OperationDefinitionNode, type SelectionSetNode } from 'graphql';

/** Alias of the root field in live queries, and the variable holding the object's id. */
export const LIVE_ALIAS = '__live';
export const LIVE_ID_VARIABLE = '__liveId';

/**
 * The query a push runs: the subscription field's selection set (with the fragments and variables it uses) under
 * the query root field that loads one object, e.g. `subscription { applicationStatusChanged { status } }` →
 * `query ($__liveId: ID!) { __live: application(id: $__liveId) { status } }`.
 */
export function liveQuery(document: DocumentNode, operation: OperationDefinitionNode, field: FieldNode, queryField: string): DocumentNode {
  const fragments = new Map(
    document.definitions.filter((definition): definition is FragmentDefinitionNode => definition.kind === Kind.FRAGMENT_DEFINITION).map((fragment) => [fragment.name.value, fragment]),
  );
  const usedFragments = new Map<string, FragmentDefinitionNode>();
  const usedVariables = new Set<string>();
  const collect = (selectionSet: SelectionSetNode) =>
    visit(selectionSet, {
      Variable: (node) => void usedVariables.add(node.name.value),
      FragmentSpread: (node) => {
        const fragment = fragments.get(node.name.value);
        if (fragment && !usedFragments.has(fragment.name.value)) {
          usedFragments.set(fragment.name.value, fragment);
          collect(fragment.selectionSet);
        }
      },
    });
  const selectionSet = field.selectionSet ?? { kind: Kind.SELECTION_SET, selections: [{ kind: Kind.FIELD, name: { kind: Kind.NAME, value: '__typename' } }] };
  collect(selectionSet);
  const idVariable = { kind: Kind.VARIABLE, name: { kind: Kind.NAME, value: LIVE_ID_VARIABLE } } as const;
  const query: OperationDefinitionNode = {
    kind: Kind.OPERATION_DEFINITION,
    operation: 'query' as OperationDefinitionNode['operation'],
    name: { kind: Kind.NAME, value: `Live_${field.name.value}` },
    variableDefinitions: [
      {
        kind: Kind.VARIABLE_DEFINITION,
        variable: idVariable,
        type: { kind: Kind.NON_NULL_TYPE, type: { kind: Kind.NAMED_TYPE, name: { kind: Kind.NAME, value: 'ID' } } },
      },
      ...(operation.variableDefinitions ?? []).filter((definition) => usedVariables.has(definition.variable.name.value)),
    ],
    selectionSet: {
      kind: Kind.SELECTION_SET,
      selections: [
        {
          kind: Kind.FIELD,
          alias: { kind: Kind.NAME, value: LIVE_ALIAS },
          name: { kind: Kind.NAME, value: queryField },
          arguments: [{ kind: Kind.ARGUMENT, name: { kind: Kind.NAME, value: 'id' }, value: idVariable }],
          selectionSet,
        },
      ],
    },
  };
  return { kind: Kind.DOCUMENT, definitions: [query, ...usedFragments.values()] };
}
