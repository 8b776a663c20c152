import type { PathSegment } from './problems';

/** How a problem at the root of a file (or a syntax error, which has no path) is addressed. */
export const DOCUMENT_PATH = '(document)';

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The name a reader would use for a list element: intents, slots and slot types by Name, and so on. */
function elementLabel(element: unknown): string | undefined {
  if (!isRecord(element)) return undefined;
  if (typeof element.Name === 'string') return element.Name;
  if (typeof element.SlotName === 'string') return element.SlotName;
  const sampleValue = element.SampleValue;
  if (isRecord(sampleValue) && typeof sampleValue.Value === 'string') return sampleValue.Value;
  return undefined;
}

/** Renders `['Intents', 2, 'Slots']` as `Intents[2](CheckOrderStatus).Slots`, reading names from `root`. */
export function readablePath(root: unknown, path: readonly PathSegment[]): string {
  if (path.length === 0) return DOCUMENT_PATH;
  let rendered = '';
  let current: unknown = root;
  for (const segment of path) {
    if (typeof segment === 'number') {
      current = Array.isArray(current) ? current[segment] : undefined;
      const label = elementLabel(current);
      rendered += label === undefined ? `[${segment}]` : `[${segment}](${label})`;
    } else {
      current = isRecord(current) ? current[segment] : undefined;
      rendered += rendered === '' ? segment : `.${segment}`;
    }
  }
  return rendered;
}
