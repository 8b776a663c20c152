import { promises as fs } from 'node:fs';
import { LineCounter, isAlias, isMap, isSeq, parseDocument, type Document, type YAMLError } from 'yaml';
import type { DefinitionProblem, FileProblem, PathSegment } from './problems';
import { DOCUMENT_PATH, readablePath } from './readable-path';

/** A parsed YAML file that can turn raw paths into readable problems with line numbers. */
export class SourceFile {
  constructor(
    readonly label: string,
    readonly value: unknown,
    private readonly document: Document,
    private readonly lineCounter: LineCounter,
  ) {}

  problem(path: readonly PathSegment[], message: string): DefinitionProblem {
    const line = this.lineOf(path);
    return {
      file: this.label,
      path: readablePath(this.value, path),
      message,
      ...(line === undefined ? {} : { line }),
    };
  }

  problems(fileProblems: readonly FileProblem[]): DefinitionProblem[] {
    return fileProblems.map((p) => this.problem(p.path, p.message));
  }

  /** Line of the deepest entry of `path` that exists, so a missing key points at the object that lacks it. */
  private lineOf(path: readonly PathSegment[]): number | undefined {
    let node: unknown = this.document.contents;
    let offset = rangeStart(node);
    for (const segment of path) {
      if (isAlias(node)) node = node.resolve(this.document);
      if (isMap(node)) {
        const pair = node.items.find((item) => keyText(item.key) === String(segment));
        if (pair === undefined) break;
        offset = rangeStart(pair.key) ?? offset;
        node = pair.value;
      } else if (isSeq(node) && typeof segment === 'number') {
        node = node.items[segment];
        if (node === undefined) break;
        offset = rangeStart(node) ?? offset;
      } else {
        break;
      }
    }
    return offset === undefined ? undefined : this.lineCounter.linePos(offset).line;
  }
}

function rangeStart(node: unknown): number | undefined {
  if (typeof node !== 'object' || node === null || !('range' in node)) return undefined;
  const range: unknown = node.range;
  return Array.isArray(range) && typeof range[0] === 'number' ? range[0] : undefined;
}

function keyText(key: unknown): string | undefined {
  if (typeof key === 'object' && key !== null && 'value' in key) return String(key.value);
  return key === null || key === undefined ? undefined : String(key);
}

export type SourceRead =
  | { kind: 'parsed'; source: SourceFile }
  | { kind: 'missing' }
  | { kind: 'failed'; problems: DefinitionProblem[] };

/** Reads and parses one YAML file; syntax errors (and YAML warnings such as unresolved tags) become problems. */
export async function readSourceFile(absolutePath: string, label: string): Promise<SourceRead> {
  let text: string;
  try {
    text = await fs.readFile(absolutePath, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { kind: 'missing' };
    return {
      kind: 'failed',
      problems: [{ file: label, path: DOCUMENT_PATH, message: `cannot read the file: ${String(error)}` }],
    };
  }

  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  // Only the first syntax error: the parser's later ones are mostly knock-on effects of it.
  const yamlProblems = [
    ...document.errors.slice(0, 1).map((e) => syntaxProblem(label, lineCounter, e, 'YAML syntax error')),
    ...document.warnings.map((e) => syntaxProblem(label, lineCounter, e, 'YAML')),
  ];
  if (yamlProblems.length > 0) return { kind: 'failed', problems: yamlProblems };

  try {
    return { kind: 'parsed', source: new SourceFile(label, document.toJS(), document, lineCounter) };
  } catch (error) {
    // toJS throws on alias bombs ("Excessive alias count"); report it like any other YAML problem.
    return {
      kind: 'failed',
      problems: [{ file: label, path: DOCUMENT_PATH, message: `YAML: ${(error as Error).message}` }],
    };
  }
}

function syntaxProblem(
  label: string,
  lineCounter: LineCounter,
  error: YAMLError,
  kind: string,
): DefinitionProblem {
  const { line, col } = lineCounter.linePos(error.pos[0]);
  return { file: label, path: DOCUMENT_PATH, message: `${kind}: ${error.message}`, line, column: col };
}
