import path from 'node:path';
import type { ConversationResult } from './run';

/** A readable report: one line per conversation, and for a failure every turn run with what was wrong. */
export function textReport(results: readonly ConversationResult[], targetDescription: string): string {
  const lines = [`Conversation tests against the ${targetDescription}`, ''];
  for (const result of results) {
    lines.push(
      `${result.passed ? 'PASS' : 'FAIL'}  ${result.name}  (${path.basename(result.file)}, ${result.durationMs} ms)`,
    );
    if (result.passed) continue;
    for (const [index, turn] of result.turns.entries()) {
      const failed = turn.error !== undefined || turn.mismatches.length > 0;
      lines.push(`      ${failed ? 'x' : 'ok'} turn ${index + 1}: ${turn.input}`);
      if (!failed) continue;
      if (turn.error) lines.push(`          error: ${turn.error}`);
      for (const mismatch of turn.mismatches)
        lines.push(`          ${mismatch.check}: expected ${mismatch.expected}, saw ${mismatch.seen}`);
      if (turn.reply) lines.push(`          bot: ${turn.reply}`);
    }
  }
  const passed = results.filter((result) => result.passed).length;
  lines.push('', `${passed}/${results.length} conversations passed`);
  return lines.join('\n');
}

/** JUnit XML, one test case per conversation, for CI systems to show. */
export function junitReport(results: readonly ConversationResult[], suiteName: string): string {
  const failures = results.filter((result) => !result.passed).length;
  const seconds = (ms: number) => (ms / 1000).toFixed(3);
  const total = results.reduce((sum, result) => sum + result.durationMs, 0);
  const cases = results.map((result) => {
    const open = `  <testcase classname="${xml(path.basename(result.file))}" name="${xml(result.name)}" time="${seconds(result.durationMs)}"`;
    if (result.passed) return `${open}/>`;
    const failed = result.turns.at(-1);
    const summary =
      failed?.error ??
      failed?.mismatches.map((m) => `${m.check}: expected ${m.expected}, saw ${m.seen}`).join('; ') ??
      '';
    const detail = result.turns
      .map((turn, index) => `turn ${index + 1}: ${turn.input}\nbot: ${turn.reply}`)
      .join('\n');
    return `${open}>\n    <failure message="${xml(summary)}">${xml(detail)}</failure>\n  </testcase>`;
  });
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuite name="${xml(suiteName)}" tests="${results.length}" failures="${failures}" time="${seconds(total)}">`,
    ...cases,
    '</testsuite>',
    '',
  ].join('\n');
}

/** Text for an XML attribute or element: the markup characters escaped, characters XML 1.0 forbids removed. */
export function xml(text: string): string {
  return Array.from(text)
    .filter(isXmlCharacter)
    .join('')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/** XML 1.0's Char production: tab, line feed, carriage return and the rest of Unicode but surrogates and FFFE/FFFF. */
function isXmlCharacter(character: string): boolean {
  const code = character.codePointAt(0) ?? 0;
  if (code === 0x9 || code === 0xa || code === 0xd) return true;
  if (code < 0x20 || code === 0xfffe || code === 0xffff) return false;
  return code < 0xd800 || code > 0xdfff;
}
