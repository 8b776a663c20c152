import { XMLValidator } from 'fast-xml-parser';
import { LEX_MESSAGE_MAX_LENGTH } from '../../../../functions/lex-code-hook/answer-message';
import { SSML_BY_ENGINE, type PollyEngine } from '../../../../functions/voice/engine-support';
import { parseWellFormedXml } from '../../voice/xml-well-formed';

/** Problems that would make Lex or Polly refuse the document, for `engine`. */
export function ssmlProblems(document: string, engine: PollyEngine): string[] {
  const problems: string[] = [];
  if (document.length > LEX_MESSAGE_MAX_LENGTH) problems.push(`length ${document.length}`);
  const validation = XMLValidator.validate(document);
  if (validation !== true) return [...problems, `not XML: ${validation.err.msg}`];
  const elements = parseWellFormedXml(document);
  if (elements[0]?.name !== 'speak') problems.push('root is not <speak>');
  const vocabulary = SSML_BY_ENGINE[engine];
  for (const { name, attributes } of elements) {
    const allowed = Object.hasOwn(vocabulary, name) ? vocabulary[name] : undefined;
    if (!allowed) problems.push(`<${name}> is not ${engine} SSML`);
    for (const attribute of Object.keys(attributes))
      if (!allowed?.includes(attribute)) problems.push(`${name}@${attribute} is not ${engine} SSML`);
  }
  return problems;
}
