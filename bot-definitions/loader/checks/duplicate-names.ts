import type { FileProblem, PathSegment } from '../problems';

/** One problem per repeated `Name` in a list, pointing back at the first use. */
export function duplicateNameProblems(
  items: readonly { Name: string }[],
  listPath: readonly PathSegment[],
  kind: string,
): FileProblem[] {
  const firstIndex = new Map<string, number>();
  const problems: FileProblem[] = [];
  items.forEach((item, index) => {
    const first = firstIndex.get(item.Name);
    if (first === undefined) {
      firstIndex.set(item.Name, index);
    } else {
      const listName = String(listPath[listPath.length - 1]);
      problems.push({
        path: [...listPath, index, 'Name'],
        message: `${kind} "${item.Name}" is defined twice (first at ${listName}[${first}]); names must be unique`,
      });
    }
  });
  return problems;
}
