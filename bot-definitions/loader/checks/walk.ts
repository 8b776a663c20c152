import type { PathSegment } from '../problems';

export type Visitor = (node: Record<string, unknown>, path: readonly PathSegment[]) => void;

/** Calls `visit` for every mapping inside `value`, depth first, with its path relative to `basePath`. */
export function forEachMapping(value: unknown, basePath: readonly PathSegment[], visit: Visitor): void {
  if (Array.isArray(value)) {
    value.forEach((item, index) => forEachMapping(item, [...basePath, index], visit));
  } else if (typeof value === 'object' && value !== null) {
    const node = value as Record<string, unknown>;
    visit(node, basePath);
    for (const [key, child] of Object.entries(node)) forEachMapping(child, [...basePath, key], visit);
  }
}
