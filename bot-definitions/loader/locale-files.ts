import path from 'node:path';
import type { DefinitionProblem } from './problems';
import type { BotLocale } from './schema';
import type { SourceFile } from './source-file';

export interface LoadedLocaleFile {
  source: SourceFile;
  locale: BotLocale;
}

/** Checks the set of locale files of one bot: each named after its LocaleId, and no locale defined twice. */
export function localeFileProblems(files: readonly LoadedLocaleFile[]): DefinitionProblem[] {
  const problems: DefinitionProblem[] = [];
  const firstFileOf = new Map<string, SourceFile>();
  for (const { source, locale } of files) {
    const fileName = path.basename(source.label);
    const expected = `${locale.LocaleId}.yaml`;
    if (fileName !== expected) {
      problems.push(
        source.problem(
          ['LocaleId'],
          `LocaleId is ${locale.LocaleId}, so the file must be named ${expected}, not ${fileName}`,
        ),
      );
    }
    const first = firstFileOf.get(locale.LocaleId);
    if (first === undefined) firstFileOf.set(locale.LocaleId, source);
    else
      problems.push(
        source.problem(['LocaleId'], `locale ${locale.LocaleId} is already defined in ${first.label}`),
      );
  }
  return problems;
}
