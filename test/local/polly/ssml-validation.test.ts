import fc from 'fast-check';
import { type PollyEngine, POLLY_ENGINES, SSML_BY_ENGINE } from '../../../functions/voice/engine-support';
import { renderSsml } from '../../../functions/voice/ssml';
import { PollyServiceError } from '../../../local/polly/errors';
import { checkSsmlForEngine } from '../../../local/polly/ssml-engine-check';
import { parseSsmlDocument } from '../../../local/polly/ssml-document';

function validate(ssml: string, engine: PollyEngine): void {
  checkSsmlForEngine(parseSsmlDocument(ssml), engine);
}

function rejection(ssml: string, engine: PollyEngine = 'neural'): string {
  try {
    validate(ssml, engine);
  } catch (error) {
    expect(error).toBeInstanceOf(PollyServiceError);
    expect((error as PollyServiceError).errorName).toBe('InvalidSsmlException');
    expect((error as PollyServiceError).status).toBe(400);
    return (error as Error).message;
  }
  throw new Error(`expected ${ssml} to be refused for ${engine}`);
}

describe('SSML well-formedness', () => {
  it('says where malformed XML goes wrong', () => {
    expect(rejection('<speak>\n  <s>Hello</p>\n</speak>')).toMatch(/closing tag 's'.*\(line 2, column \d+\)/);
    expect(rejection('<speak>Hi')).toMatch(/Unclosed tag 'speak'/);
    expect(rejection('<speak>AT&T</speak>')).toMatch(/'&' is not expected.*line 1, column 10/);
    expect(rejection('Hello there')).toMatch(/line 1/);
  });

  it('refuses what a strict XML parser refuses and the lenient validator lets through', () => {
    expect(rejection('<speak>a &nbsp; b</speak>')).toBe(
      'Invalid SSML request: undefined entity &nbsp; (line 1, column 10)',
    );
    expect(rejection('<speak>one</speak><break/>')).toMatch(
      /a second root element <break> \(line 1, column 19\)/,
    );
    expect(rejection('<!DOCTYPE speak [<!ENTITY x "y">]><speak>&x;</speak>')).toMatch(
      /document type declarations are not allowed/,
    );
    expect(rejection('<speak><mark name="a<b"/></speak>')).toMatch(/'<' in the value of attribute name/);
    expect(rejection('<speak>bell \u0007</speak>')).toMatch(/U\+0007 is not allowed/);
    expect(rejection('<speak>&#0;</speak>')).toMatch(/character reference to a character XML forbids/);
  });

  it('accepts the XML declaration, comments, CDATA, character references and namespace declarations', () => {
    expect(() =>
      validate(
        '<?xml version="1.0"?>\n<speak xmlns="http://www.w3.org/2001/10/synthesis"><!-- note -->' +
          'It&apos;s <![CDATA[5 < 6]]> &#x263A;</speak>',
        'neural',
      ),
    ).not.toThrow();
  });
});

describe('SSML per engine', () => {
  it('accepts emphasis on standard only, as Polly documents', () => {
    expect(() =>
      validate('<speak><emphasis level="strong">big</emphasis> deal</speak>', 'standard'),
    ).not.toThrow();
    for (const engine of ['neural', 'long-form', 'generative'] as const) {
      expect(rejection('<speak><emphasis>big</emphasis></speak>', engine)).toBe(
        `The <emphasis> tag is not supported by the ${engine} engine (line 1, column 8)`,
      );
    }
  });

  it('accepts prosody pitch on standard only', () => {
    expect(() =>
      validate('<speak><prosody pitch="+10%" rate="slow">hi</prosody></speak>', 'standard'),
    ).not.toThrow();
    expect(rejection('<speak><prosody pitch="high">hi</prosody></speak>')).toBe(
      'The pitch attribute of <prosody> is not supported by the neural engine (line 1, column 8)',
    );
  });

  it('wants <speak> at the root and only there', () => {
    expect(rejection('<s>Hello</s>')).toBe(
      'Invalid SSML request: the root element must be <speak>, not <s> (line 1, column 1)',
    );
    expect(rejection('<speak><s><speak>x</speak></s></speak>')).toMatch(
      /<speak> may only be the root element/,
    );
  });

  it('checks required attributes and documented attribute values', () => {
    expect(rejection('<speak><mark/>x</speak>')).toBe('<mark> needs a name attribute (line 1, column 8)');
    expect(rejection('<speak><break time="11s"/></speak>')).toMatch(
      /Invalid value '11s' for the time attribute of <break>: use a duration such as 500ms or 2s, at most 10s/,
    );
    expect(rejection('<speak><prosody rate="300%">x</prosody></speak>')).toMatch(
      /a percentage from 20% to 200%/,
    );
    expect(rejection('<speak><say-as interpret-as="currency">5</say-as></speak>')).toMatch(
      /interpret-as attribute of <say-as>/,
    );
    expect(() =>
      validate(
        '<speak><break strength="x-strong"/><break time="1500ms"/><prosody volume="-6dB" rate="85%">a</prosody>' +
          '<say-as interpret-as="date" format="ymd">2026-11-28</say-as><sub alias="and">&amp;</sub></speak>',
        'neural',
      ),
    ).not.toThrow();
  });
});

/** Pieces of markup, so that random strings come close to SSML often enough to reach every check. */
const XML_FRAGMENTS = [
  '<speak>',
  '</speak>',
  '<s>',
  '</s>',
  '<p>',
  '<emphasis>',
  '</emphasis>',
  '<break time="1s"/>',
  '<break time="99s"/>',
  '<mark name="m"/>',
  '<mark/>',
  '<prosody rate="slow" pitch="low">',
  '</prosody>',
  '<say-as interpret-as="digits">',
  '</say-as>',
  '<amazon:effect name="drc">',
  '<!-- c -->',
  '<![CDATA[',
  ']]>',
  '<?xml version="1.0"?>',
  '<!DOCTYPE speak>',
  '&amp;',
  '&foo;',
  '&#65;',
  '&#0;',
  '<',
  '>',
  '&',
  '"',
  "'",
  '=',
  '/',
  ' ',
  '\n',
  'x',
  'é',
  '\u0000',
  '\uD800',
];

const ssmlLike = fc.oneof(
  fc.string(),
  fc.string({ unit: 'binary' }),
  fc.string({ unit: fc.constantFrom(...XML_FRAGMENTS), maxLength: 30 }),
  fc
    .string({ unit: fc.constantFrom(...XML_FRAGMENTS), maxLength: 20 })
    .map((inner) => `<speak>${inner}</speak>`),
);

describe('SSML validator properties', () => {
  it('answers any string with acceptance or InvalidSsmlException, never another error', () => {
    let accepted = 0;
    fc.assert(
      fc.property(ssmlLike, fc.constantFrom(...POLLY_ENGINES), (ssml, engine) => {
        try {
          validate(ssml, engine);
          accepted += 1;
        } catch (error) {
          if (!(error instanceof PollyServiceError) || error.errorName !== 'InvalidSsmlException')
            throw error;
        }
      }),
      { numRuns: 3000 },
    );
    // The generator must reach the acceptance path too, or the property says little.
    expect(accepted).toBeGreaterThan(30);
  });

  it('accepts every document the SSML renderer writes, for the engine it wrote for', () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 400 }),
        fc.constantFrom(...POLLY_ENGINES),
        fc.constantFrom('en_US', 'es_US'),
        (text, engine, localeId) => {
          for (const document of renderSsml(text, { engine, localeId })) validate(document, engine);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('accepts documents built only from an engine vocabulary with valid values', () => {
    const leafText = fc.string({
      unit: fc.constantFrom('a', 'b', ' ', '.', '&amp;', '&lt;', 'ñ'),
      maxLength: 8,
    });
    const element = (engine: PollyEngine) =>
      fc.constantFrom(
        ...(
          [
            ['s', ''],
            ['p', ''],
            ['prosody', ' rate="slow" volume="+2dB"'],
            ['say-as', ' interpret-as="characters"'],
            ['sub', ' alias="x"'],
            ['emphasis', ' level="reduced"'],
            ['lang', ' xml:lang="es-US"'],
            ['w', ' role="amazon:VB"'],
          ] as const
        ).filter(([name, attributes]) => {
          const allowed = SSML_BY_ENGINE[engine][name];
          return (
            allowed &&
            [...attributes.matchAll(/ ([\w:-]+)=/g)].every(([, attribute]) =>
              allowed.includes(attribute ?? ''),
            )
          );
        }),
      );
    const documentFor = (engine: PollyEngine) =>
      fc
        .array(fc.tuple(element(engine), leafText), { maxLength: 6 })
        .map((parts) =>
          parts
            .map(([[name, attributes], text]) => `<${name}${attributes}>${text}</${name}>`)
            .join('<break time="200ms"/>'),
        )
        .map((body) => `<speak>${body}</speak>`);
    fc.assert(
      fc.property(
        fc
          .constantFrom(...POLLY_ENGINES)
          .chain((engine) => fc.tuple(fc.constant(engine), documentFor(engine))),
        ([engine, ssml]) => validate(ssml, engine),
      ),
      { numRuns: 300 },
    );
  });
});
