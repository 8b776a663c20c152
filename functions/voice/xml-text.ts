const XML_ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
};

const XML_UNESCAPES: Readonly<Record<string, string>> = Object.fromEntries(
  Object.entries(XML_ESCAPES).map(([character, entity]) => [entity, character]),
);

/** Text safe for an SSML text node or attribute value: Polly wants all five XML characters escaped. */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => XML_ESCAPES[character] ?? character);
}

/** Inverse of `escapeXml`, for reading back what a document says. */
export function unescapeXml(text: string): string {
  return text.replace(/&(?:amp|lt|gt|quot|apos);/g, (entity) => XML_UNESCAPES[entity] ?? entity);
}
