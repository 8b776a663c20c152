import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';
import { issueLines } from '../../../../functions/shared/zod-issues';

export const HeldOutItem = z.strictObject({
  text: z.string().min(1),
  intent: z.string().min(1),
  /** Expected interpretedValue per slot, for values the text contains. */
  slots: z.record(z.string(), z.string()).optional(),
});
export type HeldOutItem = z.infer<typeof HeldOutItem>;

const HeldOutSet = z.array(HeldOutItem).min(1);

/** `<directory>/heldout.<localeId>.yaml`: a YAML list of `{text, intent, slots?}`. */
export function heldOutFile(directory: string, localeId: string): string {
  return path.join(directory, `heldout.${localeId}.yaml`);
}

export async function readHeldOutSet(file: string): Promise<HeldOutItem[]> {
  let source: string;
  try {
    source = await readFile(file, 'utf8');
  } catch (error) {
    throw new Error(
      `cannot read the held-out set ${file}: ${error instanceof Error ? error.message : String(error)}`,
      {
        cause: error,
      },
    );
  }
  let document: unknown;
  try {
    document = parse(source);
  } catch (error) {
    throw new Error(`${file} is not valid YAML: ${error instanceof Error ? error.message : String(error)}`, {
      cause: error,
    });
  }
  const parsed = HeldOutSet.safeParse(document);
  if (!parsed.success) {
    const problems = issueLines(parsed.error.issues, { whole: '(root)' }).map((line) => `  ${line}`);
    throw new Error(`${file} is not a held-out set:\n${problems.join('\n')}`);
  }
  return parsed.data;
}
