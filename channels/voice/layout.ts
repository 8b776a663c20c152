import { transitionsOf, type FlowAction } from './flow-language';

const COLUMN_WIDTH = 300;
const ROW_HEIGHT = 220;
const MARGIN = 40;

interface Position {
  x: number;
  y: number;
}

/**
 * Designer positions for the flow's `Metadata`, in the shape the Connect console writes on export
 * (`entryPointPosition`, `ActionMetadata.<id>.position`). Connect ignores them when running the flow; without
 * them the console would stack every block in one place. Each action gets the column of its first visit in
 * a breadth-first walk from the start, so the drawing reads left to right.
 */
export function designerMetadata(
  startAction: string,
  actions: readonly FlowAction[],
): Record<string, unknown> {
  const byId = new Map(actions.map((action) => [action.Identifier, action]));
  const column = new Map<string, number>([[startAction, 0]]);
  const queue = [startAction];
  for (let id = queue.shift(); id !== undefined; id = queue.shift()) {
    const action = byId.get(id);
    if (action === undefined) continue;
    for (const { target } of transitionsOf(action)) {
      if (column.has(target)) continue;
      column.set(target, (column.get(id) ?? 0) + 1);
      queue.push(target);
    }
  }
  const rowsUsed = new Map<number, number>();
  const actionMetadata: Record<string, { position: Position }> = {};
  for (const action of actions) {
    const x = column.get(action.Identifier) ?? 0;
    const y = rowsUsed.get(x) ?? 0;
    rowsUsed.set(x, y + 1);
    actionMetadata[action.Identifier] = {
      position: { x: MARGIN + COLUMN_WIDTH * (x + 1), y: MARGIN + ROW_HEIGHT * y },
    };
  }
  return { entryPointPosition: { x: MARGIN, y: MARGIN }, ActionMetadata: actionMetadata };
}
