import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { runValidation } from '../../../bot-definitions/loader/validate-cli';
import { makeTempRoot, removeTempRoot, validBotFiles, validLocale, writeBot } from './fixtures';

let root: string;
beforeEach(async () => {
  root = await makeTempRoot();
});
afterEach(async () => {
  await removeTempRoot(root);
});

async function run(target: string): Promise<{ code: number; out: string[]; err: string[] }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runValidation(target, { out: (line) => out.push(line), err: (line) => err.push(line) });
  return { code, out, err };
}

it('summarizes each valid bot, given a folder of bots or one bot folder', async () => {
  const files = validBotFiles();
  files.locales = { es_US: validLocale('es_US'), en_US: validLocale('en_US') };
  const directory = await writeBot(root, files);
  const expected = { code: 0, out: ['ok: TestBot (en_US, es_US): 6 intents, 8 utterances'], err: [] };
  expect(await run(root)).toEqual(expected);
  expect(await run(directory)).toEqual(expected);
});

it('prints every problem as file:path: message and exits 1', async () => {
  const files = validBotFiles();
  files.locales.en_US!.Intents![1]!.SampleUtterances!.push({ Utterance: 'hi {Who}' });
  files.local.BotAliasId = 'x';
  await writeBot(root, files);
  const result = await run(root);
  expect(result.code).toBe(1);
  expect(result.out).toEqual([]);
  expect(result.err).toEqual([
    expect.stringMatching(
      /TestBot\/en_US\.yaml:Intents\[1\]\(Greet\)\.SampleUtterances\[2\]\.Utterance \(line \d+\): \{Who\} is not a slot/,
    ),
    expect.stringMatching(
      /TestBot\/local\.yaml:BotAliasId \(line \d+\): must be exactly 10 letters or digits/,
    ),
    '2 problems found',
  ]);
});

it('runs as a script against the repository definitions by default', async () => {
  const repository = path.resolve(__dirname, '../../..');
  const tsx = path.join(repository, 'node_modules', '.bin', 'tsx');
  const { stdout } = await promisify(execFile)(tsx, ['bot-definitions/loader/validate-cli.ts'], {
    cwd: repository,
  });
  expect(stdout).toMatch(/^ok: RetailSupportBot \(en_US, es_US\): \d+ intents, \d+ utterances$/m);
});
