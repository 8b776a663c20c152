import type { LambdaHandler } from './invoke';

/** A function deployed to the local stack: its handler runs in this process, like the code hook. */
export interface LocalFunction {
  name: string;
  handler: LambdaHandler;
  timeoutMs: number;
}

/**
 * The functions the local Lambda endpoint can invoke, by name. Mutable on purpose: a channel that needs the
 * stack's endpoint first (the Slack worker) is deployed once the stack listens.
 */
export class LocalFunctions {
  private readonly byName = new Map<string, LocalFunction>();

  deploy(fn: LocalFunction): void {
    this.byName.set(fn.name, fn);
  }

  find(nameOrArn: string): LocalFunction | undefined {
    return this.byName.get(functionNameOf(nameOrArn));
  }

  names(): string[] {
    return [...this.byName.keys()];
  }
}

/**
 * Lambda accepts a name, a partial ARN (`123456789012:function:name`) or a full ARN, each optionally with a
 * `:qualifier`; locally every function has one version, so the qualifier is read past.
 */
export function functionNameOf(nameOrArn: string): string {
  const parts = nameOrArn.split(':');
  const functionIndex = parts.indexOf('function');
  if (functionIndex >= 0) return parts[functionIndex + 1] ?? '';
  return parts[0] ?? '';
}
