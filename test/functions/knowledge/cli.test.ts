import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { CreateTableCommand } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { gapTable, runKnowledgeCli } from '../../../functions/knowledge/cli';
import { recordKnowledgeGap } from '../../../functions/knowledge/gaps';
import { parseKnowledgeIndexFile } from '../../../functions/knowledge/index-file';
import { tableDefinition } from '../../../local/dynamodb/tables';
import { pointSdkAt, startTestDynamoDb, type TestDynamoDb } from '../../local/dynamodb/harness';
import { knowledgeFile, VALID_FRONT_MATTER } from './knowledge-fixtures';

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return {
    out,
    err,
    output: { out: (line: string) => out.push(line), err: (line: string) => err.push(line) },
  };
}

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'parley-knowledge-cli-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

describe('build', () => {
  it('writes the index and prints what it holds', async () => {
    await mkdir(path.join(dir, 'knowledge', 'en_US'), { recursive: true });
    await writeFile(
      path.join(dir, 'knowledge', 'en_US', 'gift-returns.md'),
      knowledgeFile(VALID_FRONT_MATTER),
    );
    const out = path.join(dir, 'out', 'index.json');
    const { output, out: lines, err } = capture();
    expect(await runKnowledgeCli(['build', '--dir', path.join(dir, 'knowledge'), '--out', out], output)).toBe(
      0,
    );
    expect(err).toEqual([]);
    expect(lines[0]).toMatch(new RegExp(`^ok: 1 documents -> ${out} \\(\\d+ kB\\) in \\d+ ms$`));
    expect(lines.slice(1)).toEqual(['  en_US: 1 public + 0 staff documents; passages: 1 public, 1 staff']);
    const index = parseKnowledgeIndexFile(JSON.parse(await readFile(out, 'utf8')), out);
    expect(index.locales.en_US?.public.answers[0]?.docId).toBe('gift-returns');
  });

  it('prints every problem, writes nothing and exits 1', async () => {
    await mkdir(path.join(dir, 'knowledge', 'en_US'), { recursive: true });
    await writeFile(
      path.join(dir, 'knowledge', 'en_US', 'gift-returns.md'),
      knowledgeFile(['id: gift-returns'], ''),
    );
    const out = path.join(dir, 'index.json');
    const { output, out: lines, err } = capture();
    expect(await runKnowledgeCli(['build', '--dir', path.join(dir, 'knowledge'), '--out', out], output)).toBe(
      1,
    );
    expect(lines).toEqual([]);
    expect(err).toHaveLength(6);
    expect(err[5]).toBe('5 problems found; no index written');
    await expect(readFile(out)).rejects.toThrow(/ENOENT/);
  });

  it('explains its usage on a bad command line', async () => {
    const { output, err } = capture();
    expect(await runKnowledgeCli(['rebuild'], output)).toBe(2);
    expect(await runKnowledgeCli(['build', '--outfile', 'x'], output)).toBe(2);
    expect(err[0]).toMatch(/^unknown command "rebuild"\n\nUsage:/);
    expect(err[1]).toMatch(/Unknown option '--outfile'/);
  });
});

describe('gaps', () => {
  let db: TestDynamoDb;
  beforeAll(async () => {
    db = await startTestDynamoDb();
    pointSdkAt(db);
    await db.client.send(new CreateTableCommand(tableDefinition('knowledgeGaps', 'cli-gaps')));
    const documents = DynamoDBDocumentClient.from(db.client);
    for (const question of ['Do you ship to Brazil?', 'do you ship to brazil', 'Do you sell laptops?']) {
      await recordKnowledgeGap(documents, 'cli-gaps', {
        kind: 'no_passage',
        question,
        localeId: 'en_US',
        channel: 'chat',
      });
    }
  });
  afterAll(() => db.stop());

  it('lists the grouped gaps as a table, through the usual SDK configuration or --endpoint', async () => {
    for (const args of [
      ['--table', 'cli-gaps'],
      ['--table', 'cli-gaps', '--endpoint', db.endpoint],
    ]) {
      const { output, out } = capture();
      expect(await runKnowledgeCli(['gaps', ...args], output)).toBe(0);
      expect(out[0]).toBe('3 unanswered questions in 2 groups (cli-gaps)');
      expect(out[1]).toMatch(/^COUNT {2}KINDS {9}LOCALES {2}CHANNELS {2}LAST SEEN {3}QUESTION$/);
      expect(out[2]).toMatch(
        /^2 {6}no_passage 2 {2}en_US {4}chat {6}\d{4}-\d\d-\d\d {2}Do you ship to Brazil\? \(\+1 similar\)$/,
      );
      expect(out[3]).toMatch(
        /^1 {6}no_passage 1 {2}en_US {4}chat {6}\d{4}-\d\d-\d\d {2}Do you sell laptops\?$/,
      );
    }
  });
});

describe('gapTable', () => {
  it('cuts long questions to one line', () => {
    const [, row] = gapTable([
      {
        representative: `Why\n${'very '.repeat(30)}long?`,
        count: 1,
        kinds: { unhelpful: 1 },
        localeIds: ['es_US'],
        channels: ['voice'],
        questions: ['q'],
        firstSeen: '2026-03-01T10:00:00.000Z',
        lastSeen: '2026-03-01T10:00:00.000Z',
      },
    ]);
    expect(row).toBe(`1      unhelpful 1  es_US    voice     2026-03-01  Why ${'very '.repeat(10)}very…`);
  });
});

describe('explain', () => {
  it('shows the curated answer a listed question gets', async () => {
    const { out, output } = capture();
    expect(await runKnowledgeCli(['explain', 'Do you price match?'], output)).toBe(0);
    expect(out.join('\n')).toMatch(/Curated answer: price-match \(similarity 1\.00\)/);
  });

  it('shows the closest phrasings, the passages, what each matched and which reach the model', async () => {
    const { out, output } = capture();
    expect(
      await runKnowledgeCli(['explain', '¿aceptan cheques personales?', '--locale', 'es_US'], output),
    ).toBe(0);
    const text = out.join('\n');
    expect(text).toMatch(/Curated answer: none .*Closest titles and questions:/);
    expect(text).toMatch(/1\. payment-methods#1 {2}score \d\.\d\d {2}\(to the model\)/);
    expect(text).toMatch(/matched: .*chequ \[text\]/);
  });

  it('keeps staff articles out of a public explanation', async () => {
    const question = 'how much goodwill credit can I give for a late package';
    const publicRun = capture();
    await runKnowledgeCli(['explain', question], publicRun.output);
    const staffRun = capture();
    await runKnowledgeCli(['explain', question, '--staff'], staffRun.output);
    expect(publicRun.out.join('\n')).not.toMatch(/goodwill-credit-policy/);
    expect(staffRun.out.join('\n')).toMatch(/goodwill-credit-policy/);
  });

  it('names what is missing or wrong in the command', async () => {
    const { err, output } = capture();
    expect(await runKnowledgeCli(['explain'], output)).toBe(2);
    expect(await runKnowledgeCli(['explain', 'hi', '--locale', 'fr_FR'], output)).toBe(2);
    expect(err.join('\n')).toMatch(/explain needs a question[\s\S]*unknown locale "fr_FR"/);
  });
});
