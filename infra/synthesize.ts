import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { App, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { loadBots } from '../bot-definitions/loader/load';
import { buildKnowledgeIndexFromDirectory } from '../functions/knowledge/directory';
import { ParleyStack } from './parley-stack';
import { parseSettings } from './settings';

export const STACK_NAME = 'Parley';

/**
 * Builds the whole app: reads the bot definitions (the same files the emulator runs), builds the knowledge
 * index from knowledge/ into the output folder for the code hook bundle, checks the context, and adds the
 * cdk-nag AwsSolutions rules, whose findings fail the synth unless a reasoned suppression covers them.
 */
export async function buildApp(app: App): Promise<{ app: App; stack: ParleyStack }> {
  const [bot] = await loadBots();
  if (!bot) throw new Error('No bot definition found under bot-definitions/');
  const index = await buildKnowledgeIndexFromDirectory();
  const assetDir = path.join(app.outdir, '.parley');
  await mkdir(assetDir, { recursive: true });
  const knowledgeIndexFile = path.join(assetDir, 'knowledge-index.json');
  await writeFile(knowledgeIndexFile, JSON.stringify(index));
  const settings = parseSettings(app.node.getAllContext() as Record<string, unknown>);
  const stack = new ParleyStack(app, STACK_NAME, {
    settings,
    bot,
    knowledgeIndexFile,
    description: 'Parley: voice and chat support bot on Lex V2, Bedrock and Polly',
  });
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app, { verbose: true }));
  return { app, stack };
}
