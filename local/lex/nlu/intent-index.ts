import type { Item } from './items';

/**
 * Every number that shapes a score, in one place. They were chosen with leave-one-out runs over the sample bot's
 * utterances and a development set of paraphrases and out-of-domain questions written apart from the held-out
 * sets; scores turned out flat around these values (docs/nlu.md).
 */
const SCORING = {
  /** Function words barely count, for or against. */
  stopWordWeight: 0.1,
  /** A slot value is good evidence of where it came from, but less than a word of the intent. */
  slotWeight: 0.7,
  /** A word the bot has never seen counts fully against every intent: unrelated text scores low. */
  unknownWordWeight: 1,
  /**
   * The least a known word weighs; a word weighs this plus the rest times its specificity, so a word of one
   * intent only weighs 1 and one that five intents use alike 0.44.
   */
  sharedWordWeight: 0.3,
  /** Strength of a match through a synonym group, and through a shared stem prefix or spelling slip. */
  synonymMatch: 0.75,
  partialMatch: 0.6,
  /** Stems shorter than this never match by prefix ("ca" is no "call"). */
  minimumPrefixLength: 4,
  /** Short stems one letter apart are usually different words ("cuest", "cuent"); long ones, slips. */
  minimumSlipLength: 6,
  /** The score mixes the best single sample utterance with the whole intent's vocabulary. */
  sampleShare: 0.5,
  /**
   * Words, not values, say what someone wants: "10001" or "tomorrow" alone is no request. Scores scale down
   * until the input's content words weigh this much, unless the closest sample is itself only placeholders.
   */
  wordsForFullScore: 0.5,
} as const;

export interface IntentSamples {
  intentName: string;
  samples: readonly { text: string; items: readonly Item[] }[];
}

export interface Sample {
  text: string;
  items: readonly Item[];
  /** The positions of the items that each feature (key or synonym group) matches. */
  itemsByFeature: ReadonlyMap<string, readonly number[]>;
  weights: readonly number[];
  totalWeight: number;
}

/** An input item, weighed, with the vocabulary features it matches and how strongly (0..1). */
export interface JudgedItem {
  item: Item;
  weight: number;
  matches: ReadonlyMap<string, number>;
}

export interface IntentScore {
  intentName: string;
  score: number;
  /** The sample utterance most like the input, whose placeholders give slot positions. */
  bestSample: Sample | undefined;
}

/**
 * What the classifier learns from the sample utterances: per feature (stem, `{SlotType}` or synonym group), how
 * often it occurs in each intent's samples. An intent's score for an input combines
 * - coverage: the weighted share of the input's words that the intent explains, each word counting by how
 *   specific it is (a word in one intent only outweighs one in all of them), and by how typical it is of this
 *   intent compared with the others; words no intent knows count fully against it;
 * - similarity: a weighted Dice overlap with the single most similar sample utterance (1 for a sample that
 *   matches word for word with its placeholders filled).
 */
export class IntentIndex {
  private readonly intents: {
    name: string;
    samples: Sample[];
    slotCapacity: Map<string, number>;
  }[];
  /**
   * Per intent, whether every sample is a value alone ("{CallbackDate}", "a las {CallbackTime}"): an answer, not
   * a request. Such an intent says nothing of which request a value belongs to, so it takes no share of one from
   * the intents whose requests carry it, in how specific a value is or in how typical it is of an intent.
   */
  private readonly valuesOnly: boolean[];
  /** Per feature, the share of each intent's samples that have it. */
  private readonly rates = new Map<string, number[]>();
  /** Word stems of all samples, for prefix matching. */
  private readonly wordStems: string[];

  constructor(intents: readonly IntentSamples[]) {
    const wordStems = new Set<string>();
    intents.forEach((intent, index) => {
      const documentFrequency = new Map<string, number>();
      for (const sample of intent.samples) {
        const features = new Set(sample.items.flatMap((item) => [...item.keys, ...item.concepts]));
        for (const feature of features)
          documentFrequency.set(feature, (documentFrequency.get(feature) ?? 0) + 1);
        for (const item of sample.items)
          if (item.kind === 'word') item.keys.forEach((key) => wordStems.add(key));
      }
      for (const [feature, count] of documentFrequency) {
        const rates = this.rates.get(feature) ?? new Array<number>(intents.length).fill(0);
        rates[index] = count / intent.samples.length;
        this.rates.set(feature, rates);
      }
    });
    this.wordStems = [...wordStems];
    this.valuesOnly = intents.map(
      (intent) => intent.samples.length > 0 && intent.samples.every((sample) => !sample.items.some(isWord)),
    );
    this.intents = intents.map((intent) => ({
      name: intent.intentName,
      samples: intent.samples.map((sample) => this.sample(sample.text, sample.items)),
      slotCapacity: slotCapacity(intent.samples.map((sample) => sample.items)),
    }));
  }

  judge(items: readonly Item[]): JudgedItem[] {
    return items.map((item) => {
      const matches = this.vocabularyMatches(item);
      return { item, matches, weight: this.inputWeight(item, matches) };
    });
  }

  score(judged: readonly JudgedItem[], intentName: string): IntentScore {
    const index = this.intents.findIndex((intent) => intent.name === intentName);
    const intent = this.intents[index];
    if (intent === undefined || intent.samples.length === 0 || judged.length === 0) {
      return { intentName, score: 0, bestSample: undefined };
    }
    let bestSample: Sample | undefined;
    let bestSimilarity = 0;
    for (const sample of intent.samples) {
      const similarity = sampleSimilarity(judged, sample);
      if (similarity > bestSimilarity) {
        bestSimilarity = similarity;
        bestSample = sample;
      }
    }
    const mixed =
      SCORING.sampleShare * bestSimilarity + (1 - SCORING.sampleShare) * this.coverage(judged, index);
    const score = bestSample?.items.some(isWord) === false ? mixed : mixed * wordEvidence(judged);
    return { intentName, score: Math.min(1, Math.max(0, score)), bestSample };
  }

  private coverage(judged: readonly JudgedItem[], intentIndex: number): number {
    const capacity = this.intents[intentIndex]?.slotCapacity ?? new Map<string, number>();
    const usedSlots = new Map<string, number>();
    let explained = 0;
    let total = 0;
    for (const { item, weight, matches } of judged) {
      let best = 0;
      let bestFeature: string | undefined;
      for (const [feature, strength] of matches) {
        const full = item.kind === 'slot' && (usedSlots.get(feature) ?? 0) >= (capacity.get(feature) ?? 0);
        const value = full ? 0 : strength * this.association(feature, intentIndex);
        if (value > best) {
          best = value;
          bestFeature = feature;
        }
      }
      if (item.kind === 'slot' && bestFeature !== undefined) {
        usedSlots.set(bestFeature, (usedSlots.get(bestFeature) ?? 0) + 1);
      }
      explained += weight * best;
      total += weight;
    }
    return total === 0 ? 0 : explained / total;
  }

  /** 1 when this intent uses the feature at least as often as any other intent, less when others use it more. */
  private association(feature: string, intentIndex: number): number {
    const rates = this.rates.get(feature);
    if (rates === undefined) return 0;
    const top = Math.max(...(this.valuesOnly[intentIndex] ? rates : this.ofRequests(rates)));
    return top === 0 ? 0 : (rates[intentIndex] ?? 0) / top;
  }

  /** 1 for a feature of one intent only, down to 1/intents for one that all intents use alike. */
  private specificity(feature: string): number {
    const all = this.rates.get(feature);
    if (all === undefined) return 1;
    const rates = this.ofRequests(all);
    const sum = rates.reduce((a, b) => a + b, 0);
    return sum === 0 ? 1 : Math.max(...rates) / sum;
  }

  private ofRequests(rates: readonly number[]): number[] {
    return rates.filter((_, index) => this.valuesOnly[index] !== true);
  }

  private featureWeight(feature: string): number {
    return SCORING.sharedWordWeight + (1 - SCORING.sharedWordWeight) * this.specificity(feature);
  }

  private sample(text: string, items: readonly Item[]): Sample {
    const itemsByFeature = new Map<string, number[]>();
    items.forEach((item, index) => {
      for (const feature of new Set([...item.keys, ...item.concepts])) {
        itemsByFeature.set(feature, [...(itemsByFeature.get(feature) ?? []), index]);
      }
    });
    const weights = items.map((item) => {
      if (item.kind === 'stopWord') return SCORING.stopWordWeight;
      const weight = Math.max(...item.keys.map((key) => this.featureWeight(key)));
      return item.kind === 'slot' ? SCORING.slotWeight * weight : weight;
    });
    return { text, items, itemsByFeature, weights, totalWeight: weights.reduce((a, b) => a + b, 0) };
  }

  private vocabularyMatches(item: Item): Map<string, number> {
    const matches = new Map<string, number>();
    const known = (feature: string) => this.rates.has(feature);
    for (const key of item.keys.filter(known)) matches.set(key, 1);
    if (matches.size === 0) for (const key of item.alternativeKeys.filter(known)) matches.set(key, 1);
    for (const concept of item.concepts.filter(known)) {
      if (!matches.has(concept)) matches.set(concept, SCORING.synonymMatch);
    }
    if (item.kind === 'word' && ![...matches.values()].includes(1)) {
      for (const key of item.keys) {
        for (const stem of this.partialMatches(key)) {
          if (!matches.has(stem)) matches.set(stem, SCORING.partialMatch);
        }
      }
    }
    return matches;
  }

  private inputWeight(item: Item, matches: ReadonlyMap<string, number>): number {
    if (item.kind === 'stopWord') return SCORING.stopWordWeight;
    let strongest: string | undefined;
    let strength = 0;
    for (const [feature, value] of matches) {
      if (value > strength) {
        strongest = feature;
        strength = value;
      }
    }
    const weight = strongest === undefined ? SCORING.unknownWordWeight : this.featureWeight(strongest);
    return item.kind === 'slot' ? SCORING.slotWeight * weight : weight;
  }

  /** Known stems sharing a prefix with this one ("telefon" and "telefonaz"), or a slip away from it. */
  private partialMatches(stem: string): string[] {
    if (stem.length < SCORING.minimumPrefixLength) return [];
    return this.wordStems.filter(
      (known) =>
        known.length >= SCORING.minimumPrefixLength &&
        known !== stem &&
        (known.startsWith(stem) ||
          stem.startsWith(known) ||
          (Math.min(known.length, stem.length) >= SCORING.minimumSlipLength && oneEditApart(known, stem)) ||
          vowelLeftOut(stem, known) ||
          vowelLeftOut(known, stem)),
    );
  }
}

/**
 * Weighted Dice overlap. Each value slot of the sample takes one value of the input: a second number does not
 * match the one {OrderNumber} again.
 */
function sampleSimilarity(judged: readonly JudgedItem[], sample: Sample): number {
  let inputMatched = 0;
  let inputTotal = 0;
  const sampleBest = new Float64Array(sample.items.length);
  const takenSlots = new Set<number>();
  for (const { item, weight, matches } of judged) {
    const isSlot = item.kind === 'slot';
    let best = 0;
    let bestIndex = -1;
    for (const [feature, strength] of matches) {
      for (const index of sample.itemsByFeature.get(feature) ?? []) {
        if (isSlot && takenSlots.has(index)) continue;
        if (strength > best) {
          best = strength;
          bestIndex = index;
        }
        if (!isSlot && strength > (sampleBest[index] ?? 0)) sampleBest[index] = strength;
      }
    }
    if (isSlot && bestIndex >= 0) {
      takenSlots.add(bestIndex);
      sampleBest[bestIndex] = Math.max(sampleBest[bestIndex] ?? 0, best);
    }
    inputMatched += weight * best;
    inputTotal += weight;
  }
  let sampleMatched = 0;
  sampleBest.forEach((strength, index) => (sampleMatched += strength * (sample.weights[index] ?? 0)));
  const total = inputTotal + sample.totalWeight;
  return total === 0 ? 0 : (inputMatched + sampleMatched) / total;
}

function isWord(item: Item): boolean {
  return item.kind === 'word';
}

function wordEvidence(judged: readonly JudgedItem[]): number {
  const words = judged.reduce((sum, { item, weight }) => (isWord(item) ? sum + weight : sum), 0);
  return Math.min(1, words / SCORING.wordsForFullScore);
}

/** Per slot type, the most values of it that one sample utterance of the intent holds. */
function slotCapacity(samples: readonly (readonly Item[])[]): Map<string, number> {
  const capacity = new Map<string, number>();
  for (const items of samples) {
    const counts = new Map<string, number>();
    for (const item of items) {
      if (item.kind !== 'slot') continue;
      for (const key of item.keys) counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    for (const [key, count] of counts) capacity.set(key, Math.max(capacity.get(key) ?? 0, count));
  }
  return capacity;
}

/** One substitution, insertion, deletion or swap of neighbours: the usual typing slips. */
/**
 * Whether `short` is `long` with one vowel left out ("ordr", "ordn", "wher"): the slip hurried typing makes
 * most, and unlike a changed letter ("cuest", "cuent") it rarely turns one word into another.
 */
function vowelLeftOut(short: string, long: string): boolean {
  if (long.length !== short.length + 1) return false;
  for (let at = 0; at < long.length; at++) {
    if ('aeiou'.includes(long[at] ?? '') && long.slice(0, at) + long.slice(at + 1) === short) return true;
  }
  return false;
}

function oneEditApart(a: string, b: string): boolean {
  if (Math.abs(a.length - b.length) > 1) return false;
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  const restA = a.slice(start, endA);
  const restB = b.slice(start, endB);
  if (restA.length <= 1 && restB.length <= 1) return true;
  return restA.length === 2 && restB.length === 2 && restA[0] === restB[1] && restA[1] === restB[0];
}
