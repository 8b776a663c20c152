import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';

const ROOT = path.resolve(__dirname, '..');

interface Probe {
  /** Where the probe would live: the rule decides by the importing file's place. */
  file: string;
  imports: string;
}

interface Finding {
  file: string;
  ruleId: string | null;
  message: string;
}

/**
 * Lints in-memory files with the repository's own config. ESLint loads its flat config with import(), which
 * Jest's module sandbox does not run, so the linting happens in a child Node process.
 */
async function lint(probes: readonly Probe[]): Promise<Finding[]> {
  const script = `
    const { ESLint } = require('eslint');
    const probes = JSON.parse(process.argv[1]);
    (async () => {
      const eslint = new ESLint({ cwd: ${JSON.stringify(ROOT)} });
      const findings = [];
      for (const probe of probes) {
        const [result] = await eslint.lintText(
          "import { x } from '" + probe.imports + "';\\nexport const y = x;\\n",
          { filePath: probe.file },
        );
        for (const m of result.messages) findings.push({ file: probe.file, ruleId: m.ruleId, message: m.message });
      }
      process.stdout.write(JSON.stringify(findings));
    })().catch((error) => { console.error(error); process.exit(1); });
  `;
  const { stdout } = await promisify(execFile)(process.execPath, ['-e', script, JSON.stringify(probes)], {
    cwd: ROOT,
  });
  return JSON.parse(stdout) as Finding[];
}

const BOUNDARY_RULE = 'import-x/no-restricted-paths';

it('stops production code importing the local stack, tests or channels, channels and lower modules importing the handler', async () => {
  const forbidden: Probe[] = [
    { file: 'functions/lex-code-hook/probe.ts', imports: '../../local/dynamodb/tables' },
    { file: 'channels/slack/probe.ts', imports: '../../test/support/local-stack' },
    { file: 'functions/generative/probe.ts', imports: '../../channels/slack/config' },
    { file: 'channels/slack/probe.ts', imports: '../../functions/lex-code-hook/handoff' },
    { file: 'functions/memory/probe.ts', imports: '../lex-code-hook/config' },
    { file: 'functions/memory/probe.ts', imports: '../../functions/lex-code-hook/handler' },
    { file: 'functions/knowledge/probe.ts', imports: '../generative/answer-question' },
    { file: 'functions/shared/probe.ts', imports: '../knowledge/text-analysis' },
  ];
  const allowed: Probe[] = [
    { file: 'functions/lex-code-hook/probe.ts', imports: '../memory/conversation-memory' },
    { file: 'functions/generative/probe.ts', imports: '../knowledge/retriever' },
    { file: 'local/probe.ts', imports: '../functions/lex-code-hook/config' },
    { file: 'channels/slack/probe.ts', imports: '../../functions/shared/channel-attributes' },
    { file: 'test/probe.ts', imports: '../local/dynamodb/tables' },
  ];
  const findings = await lint([...forbidden, ...allowed]);
  const boundaryFindings = findings.filter((finding) => finding.ruleId === BOUNDARY_RULE);

  expect(findings.filter((finding) => finding.ruleId !== BOUNDARY_RULE)).toEqual([]);
  expect(boundaryFindings.map(({ file, message }) => [file, message.match(/"([^"]+)"/)?.[1]])).toEqual(
    forbidden.map(({ file, imports }) => [file, imports]),
  );
  expect(boundaryFindings[3]?.message).toMatch(/reaches the handler through Lex only/);
  expect(boundaryFindings[4]?.message).toMatch(/Only the handler imports the handler/);
}, 60_000);
