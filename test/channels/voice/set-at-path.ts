/** Sets a value at a readable path such as `Transitions.Errors[1].NextAction` inside plain JSON, for mutating flows. */
export function setAtPath(target: object, path: string, value: unknown): void {
  const keys = path.split(/\.|\[|\]\.?/).filter((key) => key !== '');
  let node = target as Record<string, unknown>;
  for (const key of keys.slice(0, -1)) node = node[key] as Record<string, unknown>;
  node[keys.at(-1) ?? ''] = value;
}
