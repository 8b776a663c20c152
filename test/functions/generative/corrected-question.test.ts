import type { CuratedMatch } from '../../../functions/knowledge/curated';
import { correctedQuestion } from '../../../functions/generative/corrected-question';

/** A knowledge base that lists two questions, one per country. */
const listed: Record<string, CuratedMatch> = {
  'do you ship to canada': {
    docId: 'intl',
    title: 'International',
    text: '…',
    voice: 'Canada: 19.99.',
    confidence: 1,
  },
  'do you ship to mexico': {
    docId: 'intl',
    title: 'International',
    text: '…',
    voice: 'Mexico: 24.99.',
    confidence: 1,
  },
  'do you ship to spain': {
    docId: 'intl',
    title: 'International',
    text: '…',
    voice: 'Canada: 19.99.',
    confidence: 1,
  },
};
const curated = (question: string) => listed[question.toLowerCase().replace(/[?,.]/g, '')];

describe('correctedQuestion', () => {
  it('puts the word a correction names in place of the one it corrects', () => {
    expect(correctedQuestion('oh sorry, I meant Mexico', 'Do you ship to Canada?', 'en_US', curated)).toEqual(
      {
        question: 'Do you ship to Mexico',
        curated: listed['do you ship to mexico'],
      },
    );
  });

  it('needs a correction cue, a previous question and a listed question that answers otherwise', () => {
    expect(correctedQuestion('Mexico', 'Do you ship to Canada?', 'en_US', curated)).toBeUndefined();
    expect(correctedQuestion('sorry, I meant Mexico', undefined, 'en_US', curated)).toBeUndefined();
    expect(
      correctedQuestion('sorry, I meant Brazil', 'Do you ship to Canada?', 'en_US', curated),
    ).toBeUndefined();
    // The same answer as before: nothing was corrected.
    expect(
      correctedQuestion('sorry, I meant Spain', 'Do you ship to Canada?', 'en_US', curated),
    ).toBeUndefined();
  });

  it('leaves a long message to be answered as the question it is', () => {
    expect(
      correctedQuestion(
        'sorry, I meant can my neighbour in Mexico collect it',
        'Do you ship to Canada?',
        'en_US',
        curated,
      ),
    ).toBeUndefined();
  });

  it('reads Spanish cues, and nothing in a locale without them', () => {
    expect(
      correctedQuestion('perdón, quise decir mexico', 'do you ship to canada', 'es_US', curated)?.question,
    ).toBe('do you ship to mexico');
    expect(
      correctedQuestion('sorry, I meant Mexico', 'Do you ship to Canada?', 'fr_CA', curated),
    ).toBeUndefined();
  });
});
