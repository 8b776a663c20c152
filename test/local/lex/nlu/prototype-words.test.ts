import { createIntentClassifier } from '../../../../local/lex/nlu/classifier';
import { englishLocale, NOW } from './fixtures';

describe('words that name Object.prototype members', () => {
  it.each(['constructor', '__proto__', 'toString', "hasOwnProperty isn't valueOf"])(
    'classify "%s" without throwing',
    (text) => {
      const classifier = createIntentClassifier(englishLocale, { localeId: 'en_US', now: () => NOW });
      expect(() => classifier.classify(text)).not.toThrow();
    },
  );
});
