import { promises as fs } from 'node:fs';
import path from 'node:path';
import { format, resolveConfig } from 'prettier';
import { loadBot } from '../../bot-definitions/loader/load';
import { buildContactFlow } from './contact-flow';
import { EXAMPLE_BOT_DIRECTORY, EXAMPLE_FLOWS } from './example-parameters';
import { LINE_LOCALES } from './line-locales';
import { formatContactFlowProblem, validateContactFlow } from './validate-contact-flow';

/**
 * Renders the example flows (placeholder ARNs) to the files next to this script, after validating each against
 * the bot definition. Formatted with the repository's prettier settings, so re-rendering an unchanged flow
 * leaves the files untouched. Run: `npx tsx channels/voice/render-contact-flow.ts`.
 */
async function renderExamples(): Promise<number> {
  const bot = await loadBot(EXAMPLE_BOT_DIRECTORY);
  let exitCode = 0;
  for (const localeId of LINE_LOCALES) {
    const { file, options } = EXAMPLE_FLOWS[localeId];
    const flow = buildContactFlow(options);
    const problems = validateContactFlow(flow, { bot, localeId });
    const label = path.relative(process.cwd(), file);
    if (problems.length > 0) {
      for (const problem of problems) console.error(`${label}: ${formatContactFlowProblem(problem)}`);
      exitCode = 1;
      continue;
    }
    const prettierOptions = (await resolveConfig(file)) ?? {};
    await fs.writeFile(file, await format(JSON.stringify(flow), { ...prettierOptions, filepath: file }));
    console.log(`wrote ${label} (${flow.Actions.length} actions)`);
  }
  return exitCode;
}

renderExamples().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
