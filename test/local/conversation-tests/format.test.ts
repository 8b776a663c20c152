import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import {
  ConversationFileError,
  ConversationTestSchema,
  describeInput,
  readConversationTest,
} from '../../../local/conversation-tests/format';

let directory: string;
beforeAll(async () => {
  directory = await mkdtemp(path.join(os.tmpdir(), 'parley-conversations-'));
});
afterAll(() => rm(directory, { recursive: true, force: true }));

async function fileWith(text: string): Promise<string> {
  const file = path.join(directory, `${Math.random().toString(36).slice(2)}.yaml`);
  await writeFile(file, text);
  return file;
}

describe('conversation test files', () => {
  it('read with defaults: English, the web chat, a turn of each kind', async () => {
    const file = await fileWith(
      [
        'name: Kinds of turns',
        'turns:',
        '  - user: where is my order',
        '    expect: { intent: CheckOrderStatus, slotToElicit: OrderNumber }',
        '  - dtmf: "10001#"',
        '    channel: phone',
        '  - say: what are your store hours',
        '  - wav: audio/question.wav',
      ].join('\n'),
    );
    const test = await readConversationTest(file);
    expect(test).toMatchObject({ name: 'Kinds of turns', locale: 'en_US', channel: 'web', file });
    expect(test.turns.map(describeInput)).toEqual([
      'where is my order',
      '(presses) 10001#',
      '(says) what are your store hours',
      '(plays) question.wav',
    ]);
    expect(test.turns[1]?.expect).toEqual({});
  });

  it('name the file and the place of every problem', async () => {
    const file = await fileWith(
      [
        'name: Broken',
        'channel: fax',
        'turns:',
        '  - user: hi',
        '    expect: { message: "([unclosed" , sentiment: happy }',
        '  - dtmf: "12a"',
      ].join('\n'),
    );
    const error = await readConversationTest(file).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConversationFileError);
    const message = (error as Error).message;
    expect(message).toContain(file);
    expect(message).toMatch(/channel/);
    expect(message).toMatch(/turns\.0/);
    expect(message).toMatch(/turns\.1/);
  });

  it('say when a file is not YAML at all', async () => {
    const file = await fileWith('name: "unterminated\nturns: [');
    await expect(readConversationTest(file)).rejects.toThrow(/not YAML/);
  });

  it('take no turn that is two things at once, nor a conversation without turns', () => {
    expect(ConversationTestSchema.safeParse({ name: 'x', turns: [{ user: 'hi', dtmf: '1' }] }).success).toBe(
      false,
    );
    expect(ConversationTestSchema.safeParse({ name: 'x', turns: [] }).success).toBe(false);
  });

  it('never throw on any data, only accept or reject it', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (data) => {
        expect(typeof ConversationTestSchema.safeParse(data).success).toBe('boolean');
      }),
    );
  });
});
