import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { readConversationSet } from '../../../local/eval/eval-sets';

function conversation(id: string): string {
  return `- id: ${id}\n  split: tune\n  category: greeting\n  turns:\n    - say: 'hi'\n`;
}

describe('reading a conversation set', () => {
  it('reads the first set, then its supplements, and leaves other locales alone', async () => {
    const directory = await mkdtemp(path.join(tmpdir(), 'parley-eval-'));
    await writeFile(path.join(directory, 'conversations.en_US.yaml'), conversation('first'));
    await writeFile(path.join(directory, 'conversations.en_US.repairs.yaml'), conversation('second'));
    await writeFile(path.join(directory, 'conversations.es_US.yaml'), conversation('spanish'));
    const ids = (await readConversationSet('en_US', directory)).map((item) => item.id);
    expect(ids).toEqual(['first', 'second']);
  });

  it('refuses an id used in two files, naming the file and the id', async () => {
    const directory = await mkdtemp(path.join(tmpdir(), 'parley-eval-'));
    await writeFile(path.join(directory, 'conversations.en_US.yaml'), conversation('twice'));
    await writeFile(path.join(directory, 'conversations.en_US.more.yaml'), conversation('twice'));
    await expect(readConversationSet('en_US', directory)).rejects.toThrow(
      'conversations.en_US.more.yaml: conversation id twice is used twice',
    );
  });
});
