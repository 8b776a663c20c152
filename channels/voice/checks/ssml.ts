import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { SSML_BY_ENGINE, type PollyEngine } from '../../../functions/voice/engine-support';
import type { FlowAction } from '../flow-language';
import { ILLEGAL_XML_CHARACTER } from '../prompt-ssml';
import type { ContactFlowProblem } from './problem';

/** Polly's request limit (and so Connect's prompt limit): 6,000 characters including tags. */
export const MAX_SSML_CHARACTERS = 6000;

const XML_ENTITIES = new Set(['amp', 'lt', 'gt', 'quot', 'apos']);
const ATTRIBUTES_KEY = ':@';
const TEXT_KEY = '#text';

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '',
  preserveOrder: true,
  processEntities: false,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
});

/** Every SSML prompt of the flow must be a document Polly accepts for the voice's engine. */
export function ssmlProblems(actions: readonly FlowAction[], engine: PollyEngine): ContactFlowProblem[] {
  return actions.flatMap((action) => {
    const ssml =
      action.Type === 'MessageParticipant' || action.Type === 'ConnectParticipantWithLexBot'
        ? action.Parameters.SSML
        : undefined;
    if (ssml === undefined) return [];
    return ssmlDocumentProblems(ssml, engine).map((message) => ({
      action: action.Identifier,
      field: 'Parameters.SSML',
      message,
    }));
  });
}

/** What is wrong with one SSML document for `engine`; empty when Polly would speak it. */
export function ssmlDocumentProblems(ssml: string, engine: PollyEngine): string[] {
  if (ssml.length > MAX_SSML_CHARACTERS)
    return [`is ${ssml.length} characters; Polly takes at most ${MAX_SSML_CHARACTERS}`];
  const illegal = ILLEGAL_XML_CHARACTER.exec(ssml)?.[0];
  if (illegal !== undefined) return [`contains U+${codePoint(illegal)}, a character XML cannot carry`];
  const verdict = XMLValidator.validate(ssml);
  if (verdict !== true)
    return [
      `is not well-formed XML: ${verdict.err.msg} (line ${verdict.err.line}, column ${verdict.err.col})`,
    ];

  const problems: string[] = [];
  // The validator accepts any named entity; Polly knows only XML's five.
  for (const [, entity] of ssml.matchAll(/&([A-Za-z][\w.-]*);/g))
    if (entity !== undefined && !XML_ENTITIES.has(entity))
      problems.push(`uses the entity &${entity};, but SSML knows only &amp; &lt; &gt; &quot; &apos;`);

  const roots = elementsOf(parser.parse(ssml));
  if (roots.length !== 1 || roots[0]?.name !== 'speak')
    problems.push(
      `must have a single <speak> root element, not ${roots.map((root) => `<${root.name}>`).join(' ')}`,
    );

  const vocabulary = SSML_BY_ENGINE[engine];
  const reported = new Set<string>();
  const report = (message: string) => {
    if (!reported.has(message)) problems.push(message);
    reported.add(message);
  };
  const visit = (elements: readonly SsmlElement[]) => {
    for (const element of elements) {
      const allowed = Object.hasOwn(vocabulary, element.name) ? vocabulary[element.name] : undefined;
      if (allowed === undefined) report(`<${element.name}> is not supported by the ${engine} engine`);
      else
        for (const attribute of element.attributes)
          if (!allowed.includes(attribute))
            report(`<${element.name} ${attribute}="..."> is not supported by the ${engine} engine`);
      visit(element.children);
    }
  };
  visit(roots);
  return problems;
}

function codePoint(character: string): string {
  return (character.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0');
}

interface SsmlElement {
  name: string;
  attributes: string[];
  children: SsmlElement[];
}

/**
 * The elements of fast-xml-parser's `preserveOrder` output: a list of one-key objects (`{tag: children}` or
 * `{'#text': string}`), with attributes under `:@`.
 */
function elementsOf(nodes: unknown): SsmlElement[] {
  if (!Array.isArray(nodes)) return [];
  return nodes.flatMap((node: unknown): SsmlElement[] => {
    if (typeof node !== 'object' || node === null) return [];
    const fields = Object.entries(node);
    const rawAttributes = fields.find(([key]) => key === ATTRIBUTES_KEY)?.[1];
    const attributes =
      typeof rawAttributes === 'object' && rawAttributes !== null ? Object.keys(rawAttributes) : [];
    return fields
      .filter(([key]) => key !== ATTRIBUTES_KEY && key !== TEXT_KEY)
      .map(([name, children]) => ({ name, attributes, children: elementsOf(children) }));
  });
}
