import { stem as englishStemmer } from 'porter2';

// The package ships CommonJS under its `require` condition but declares its types as ESM, which TypeScript's
// Node16 resolution refuses to import from CommonJS; the require is what esbuild and Node resolve anyway.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { stemmer: spanishStemmer } = require('@orama/stemmers/spanish') as {
  stemmer: (word: string) => string;
};

/**
 * The Snowball stemmers of the two languages the knowledge base speaks, each its own small module: the
 * all-languages snowball-stemmers bundle cost the Lambda 326 KiB. Porter2 is Snowball's English, Orama's
 * Spanish is Snowball's Spanish; test/functions/knowledge/stemmers.test.ts holds them to snowball-stemmers.
 */
export const STEMMERS = {
  english: englishStemmer,
  spanish: spanishStemmer,
} as const satisfies Record<string, (word: string) => string>;

export type StemmerName = keyof typeof STEMMERS;
