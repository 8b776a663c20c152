/** What a valid value of one SSML attribute looks like, and how to say so when a value is not one. */
export interface AttributeValueRule {
  accepts(value: string): boolean;
  expected: string;
}

const oneOf = (...choices: string[]): AttributeValueRule => ({
  accepts: (value) => choices.includes(value),
  expected: choices.join(', '),
});

const either = (first: AttributeValueRule, second: AttributeValueRule): AttributeValueRule => ({
  accepts: (value) => first.accepts(value) || second.accepts(value),
  expected: `${first.expected}, or ${second.expected}`,
});

const matching = (pattern: RegExp, expected: string, within: (amount: number) => boolean = () => true) => ({
  accepts: (value: string) => {
    const match = pattern.exec(value);
    return match !== null && within(Number(match[1]));
  },
  expected,
});

/** `Ns` or `Nms`, as `break time` and `amazon:max-duration` take it. */
const duration = (maxMs?: number): AttributeValueRule => ({
  accepts: (value) => {
    const match = /^(\d+(?:\.\d+)?)(s|ms)$/.exec(value);
    if (!match) return false;
    const ms = Number(match[1]) * (match[2] === 's' ? 1000 : 1);
    return maxMs === undefined || ms <= maxMs;
  },
  expected: `a duration such as 500ms or 2s${maxMs === undefined ? '' : `, at most ${maxMs / 1000}s`}`,
});

const DATE_FORMATS = ['mdy', 'dmy', 'ymd', 'md', 'dm', 'ym', 'my', 'd', 'm', 'y', 'yyyymmdd'];

/**
 * Attribute values from the Polly SSML tag reference (break, prosody, emphasis, say-as, phoneme). Attributes
 * not listed (mark name, sub alias, lang xml:lang, w role...) take free text here.
 */
export const ATTRIBUTE_VALUE_RULES: Readonly<Record<string, Readonly<Record<string, AttributeValueRule>>>> = {
  break: {
    strength: oneOf('none', 'x-weak', 'weak', 'medium', 'strong', 'x-strong'),
    time: duration(10_000),
  },
  prosody: {
    volume: either(
      oneOf('default', 'silent', 'x-soft', 'soft', 'medium', 'loud', 'x-loud'),
      matching(/^[+-](\d+(?:\.\d+)?)dB$/, 'a change in decibels such as +6dB or -3dB'),
    ),
    rate: either(
      oneOf('x-slow', 'slow', 'medium', 'fast', 'x-fast'),
      matching(
        /^(\d+(?:\.\d+)?)%$/,
        'a percentage from 20% to 200%',
        (percent) => percent >= 20 && percent <= 200,
      ),
    ),
    pitch: either(
      oneOf('default', 'x-low', 'low', 'medium', 'high', 'x-high'),
      matching(/^[+-](\d+(?:\.\d+)?)%$/, 'a relative change such as +10% or -5%'),
    ),
    'amazon:max-duration': duration(),
  },
  emphasis: { level: oneOf('strong', 'moderate', 'reduced') },
  'say-as': {
    'interpret-as': oneOf(
      'characters',
      'spell-out',
      'cardinal',
      'number',
      'ordinal',
      'digits',
      'fraction',
      'unit',
      'date',
      'time',
      'address',
      'expletive',
      'telephone',
    ),
    format: oneOf(...DATE_FORMATS),
  },
  phoneme: {
    alphabet: oneOf('ipa', 'x-sampa', 'x-amazon-pinyin', 'x-amazon-yomigana', 'x-amazon-pron-kana'),
  },
};

/** Attributes without which Polly cannot act on the tag. */
export const REQUIRED_ATTRIBUTES: Readonly<Record<string, readonly string[]>> = {
  mark: ['name'],
  sub: ['alias'],
  phoneme: ['ph'],
  'say-as': ['interpret-as'],
  lang: ['xml:lang'],
};
