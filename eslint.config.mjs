import js from '@eslint/js';
import { createNodeResolver, importX } from 'eslint-plugin-import-x';
import tseslint from 'typescript-eslint';

/**
 * The modules of the code hook from the bottom up: each may import those below it, none those above. The
 * handler (lex-code-hook) sits on top, so a lower module never pulls the handler into another Lambda's bundle.
 */
const SHARED = ['functions/shared', 'functions/tables.ts'];
const FOUNDATIONS = ['functions/memory', 'functions/knowledge', 'functions/voice'];
const SERVICES = ['functions/generative', 'functions/feedback', 'functions/follow-ups'];
const HANDLER = ['functions/lex-code-hook'];

/**
 * The rules of the house that imports can break, checked on resolved paths rather than on the written
 * specifier, so `../../local/x` and `../local/x` are caught alike.
 */
const houseBoundaries = {
  files: ['**/*.ts', '**/*.tsx', '**/*.mts', '**/*.cts'],
  plugins: { 'import-x': importX },
  settings: {
    'import-x/resolver-next': [
      createNodeResolver({ extensions: ['.ts', '.tsx', '.mts', '.cts', '.js', '.json'] }),
    ],
  },
  rules: {
    'import-x/no-restricted-paths': [
      'error',
      {
        basePath: import.meta.dirname,
        zones: [
          {
            target: ['functions', 'channels'],
            from: ['local', 'test', 'bench', 'infra'],
            message:
              'Production code runs in Lambda unchanged: it talks to the local stack only over the wire, never imports it, the tests, the benchmarks or the infrastructure.',
          },
          {
            target: 'functions',
            from: 'channels',
            message: 'The functions serve every channel: a channel depends on them, not the other way round.',
          },
          {
            target: 'channels',
            from: HANDLER,
            message:
              'A channel reaches the handler through Lex only: what both read (attribute names, the answer description) lives in functions/shared/.',
          },
          {
            target: [...SHARED, ...FOUNDATIONS, ...SERVICES],
            from: HANDLER,
            message: 'Only the handler imports the handler: move what a lower module needs down to it.',
          },
          {
            target: [...SHARED, ...FOUNDATIONS],
            from: SERVICES,
            message:
              'Memory, knowledge and voice sit below the services that use them: move what they need down.',
          },
          {
            target: SHARED,
            from: FOUNDATIONS,
            message:
              'functions/shared and functions/tables.ts are the bottom layer: they import no other module of functions/.',
          },
        ],
      },
    ],
  },
};

export default tseslint.config(
  { ignores: ['node_modules/**', '.parley/**', 'dist/**', 'cdk.out/**', 'coverage/**', 'jest.config.js'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  houseBoundaries,
);
