import { SSML_BY_ENGINE } from '../../functions/voice/engine-support';
import { invalidSsml } from './errors';
import type { PollyEngine } from './request-schema';
import { ATTRIBUTE_VALUE_RULES, REQUIRED_ATTRIBUTES } from './ssml-attribute-values';
import { lineAndColumn, type SsmlDocument, type SsmlElementToken } from './ssml-document';

/** Namespace declarations are XML plumbing, not SSML attributes, so every element may carry them. */
const NAMESPACE_DECLARATION = /^xmlns(?::|$)/;

/**
 * Checks a well-formed document against what `engine` accepts: `<speak>` at the root, only the engine's tags
 * and attributes (the vocabulary the SSML renderer also writes for, functions/voice/engine-support.ts), the
 * attributes each tag needs, and attribute values Polly documents. The first problem is an InvalidSsmlException
 * naming the tag, the engine and where it is.
 */
export function checkSsmlForEngine(document: SsmlDocument, engine: PollyEngine): void {
  const vocabulary = SSML_BY_ENGINE[engine];
  const where = (element: SsmlElementToken): string => lineAndColumn(document.source, element.start);
  if (document.root.name !== 'speak') {
    throw invalidSsml(
      `Invalid SSML request: the root element must be <speak>, not <${document.root.name}> (${where(document.root)})`,
    );
  }
  for (const token of document.tokens) {
    if (token.kind !== 'open' && token.kind !== 'empty') continue;
    const allowedAttributes = Object.hasOwn(vocabulary, token.name) ? vocabulary[token.name] : undefined;
    if (!allowedAttributes) {
      throw invalidSsml(`The <${token.name}> tag is not supported by the ${engine} engine (${where(token)})`);
    }
    if (token.name === 'speak' && token !== document.root) {
      throw invalidSsml(`<speak> may only be the root element (${where(token)})`);
    }
    for (const [attribute, value] of Object.entries(token.attributes)) {
      if (NAMESPACE_DECLARATION.test(attribute)) continue;
      if (!allowedAttributes.includes(attribute)) {
        throw invalidSsml(
          `The ${attribute} attribute of <${token.name}> is not supported by the ${engine} engine (${where(token)})`,
        );
      }
      const rule = ATTRIBUTE_VALUE_RULES[token.name]?.[attribute];
      if (rule && !rule.accepts(value)) {
        throw invalidSsml(
          `Invalid value '${value.slice(0, 40)}' for the ${attribute} attribute of <${token.name}>: ` +
            `use ${rule.expected} (${where(token)})`,
        );
      }
    }
    for (const required of REQUIRED_ATTRIBUTES[token.name] ?? []) {
      if (token.attributes[required] === undefined) {
        throw invalidSsml(`<${token.name}> needs a ${required} attribute (${where(token)})`);
      }
    }
  }
}
