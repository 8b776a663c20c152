/** A step into a parsed YAML value: a mapping key or a sequence index. */
export type PathSegment = string | number;

/** A problem found inside one file, still addressed by raw path (the file turns it into a readable one). */
export interface FileProblem {
  path: readonly PathSegment[];
  message: string;
}

export interface DefinitionProblem {
  /** Relative to the repository root for files inside it (e.g. "bot-definitions/RetailSupportBot/en_US.yaml"), else absolute. */
  file: string;
  /** Readable path into the file, e.g. `Intents[2](CheckOrderStatus).SampleUtterances[4].Utterance`. */
  path: string;
  message: string;
  /** 1-based YAML line of the path (or of its nearest existing ancestor), when the file could be parsed. */
  line?: number;
  /** 1-based column; set for YAML syntax errors, where the line alone is often not enough. */
  column?: number;
}

export function formatProblem(problem: DefinitionProblem): string {
  const position =
    problem.line === undefined
      ? ''
      : problem.column === undefined
        ? ` (line ${problem.line})`
        : ` (line ${problem.line}, column ${problem.column})`;
  return `${problem.file}:${problem.path}${position}: ${problem.message}`;
}

/** Thrown when definitions are invalid; carries every problem found, not just the first. */
export class DefinitionError extends Error {
  readonly problems: DefinitionProblem[];

  constructor(problems: DefinitionProblem[]) {
    super(problems.map(formatProblem).join('\n'));
    this.name = 'DefinitionError';
    this.problems = problems;
  }
}
