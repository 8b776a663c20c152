/** Word knowledge of one language, as the intent classifier needs it. Entries are written as people spell them. */
export interface NluLanguage {
  /** A `snowball-stemmers` algorithm name; without one, words are compared as written. */
  stemmer?: 'english' | 'spanish';
  /**
   * Function words. They count little toward a match and are never held against one, so "can you tell me
   * the hours" and "hours" read alike.
   */
  stopWords: readonly string[];
  /**
   * Whether a stressed stem vowel is also read plain ("pierdo" as "perd-", "cuesta" as "cost-"): Spanish verbs
   * change it and the stemmer keeps the change. Off for intent classification, where "devuelvan la llamada"
   * and "devolver el dinero" must stay apart; on for the composer's reading of passages.
   */
  plainStemVowels?: boolean;
  /** What "$" before an amount is read as ("$5.99" is "dollars 5.99"), so "5 dollars" and "$5" share a word. */
  currencyWord: string;
  /** Whole contracted words and what they stand for ("won't" is "will not"). */
  contractedWords: Readonly<Record<string, readonly string[]>>;
  /** Contracted endings split off a word, and the words they stand for ("'m" is "am", "n't" is "not"). */
  contractedEndings: Readonly<Record<string, readonly string[]>>;
  /** Pronouns written onto a verb ("llámenme"); removed when that reveals a word the bot knows. */
  encliticPronouns: readonly string[];
  /**
   * Groups of words or phrases that mean nearly the same in a customer-support conversation. A word of a group
   * matches the other members at a discount, which lets paraphrases that share no word with any sample
   * utterance ("shipment" for "package") still find their intent. Multi-word entries are read as one unit.
   */
  synonymGroups: readonly (readonly string[])[];
  /**
   * Words that take back what was just said ("no wait", "I meant", "perdón"): of two values said around
   * one, the later is meant (corrections.ts).
   */
  correctionCues: readonly string[];
  /**
   * The openings of an indirect question, lowercase without accents ("para preguntar si", "i wanted to ask
   * if"): in a long spoken request, what follows is what is asked (asked-part.ts).
   */
  questionOpeners: readonly string[];
  /** Words that give the reason for a request ("porque", "because"): what follows says why, not what. */
  reasonCues: readonly string[];
  /**
   * Where a purpose after a request starts, in lowercase text without accents ("que un asesor me llame para
   * revisar un cobro"): what follows says what for, not what. None for a language whose purpose clause cannot
   * be told from a request by its form ("to" in English opens both).
   */
  purposeClause?: RegExp;
}
