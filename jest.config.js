const tsx = require('tsx/cjs/api');

/** @type {import('jest').Config} */
// @swc/jest strips types without type-checking (3-4x faster than ts-jest here); `npm run typecheck` does the checking.
const base = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: {
    '^.+\\.ts$': [
      '@swc/jest',
      { jsc: { parser: { syntax: 'typescript' }, target: 'es2022' }, module: { type: 'commonjs' } },
    ],
  },
  setupFiles: ['<rootDir>/test/support/jest-setup.ts'],
};

/**
 * The data-layer tests, which run a second time against AWS's DynamoDB Local (TTL, transactions and error
 * shapes as DynamoDB has them; see docs/local-dynamodb.md). They pick the engine from the harness.
 */
const DYNAMODB_LOCAL_TESTS = [
  'test/local/dynamodb/dynamodb-local-process.test.ts',
  'test/local/dynamodb/engines.test.ts',
  'test/local/dynamodb/fidelity.test.ts',
  'test/local/dynamodb/seed.test.ts',
  'test/functions/memory/conversation-memory.test.ts',
  'test/functions/knowledge/gaps.test.ts',
  'test/functions/lex-code-hook/check-order-status.test.ts',
  'test/functions/lex-code-hook/book-callback.test.ts',
  'test/functions/lex-code-hook/data/put-once.test.ts',
  'test/functions/lex-code-hook/send-answer-details.test.ts',
  'test/functions/follow-ups/send-follow-up-texts.test.ts',
];

/** Tests of DynamoDB Local itself (its JVM, npm start with it), which only its project runs. */
const DYNAMODB_LOCAL_ONLY_TESTS = ['test/local/dynamodb/dynamodb-local-process.test.ts'];

/**
 * One JVM for the whole run (globalSetup). Only on request: DynamoDB Local is AWS's proprietary software,
 * whose licence its user accepts, so a plain `npm test` does not run it for anyone.
 * PARLEY_DYNAMODB_LOCAL_TESTS=1 runs it, skipped with the reason where Java 17 or the jar is missing; CI sets
 * PARLEY_REQUIRE_DYNAMODB_LOCAL=1, which runs it and fails instead.
 */
function dynamoDbLocalProjects() {
  const required = process.env.PARLEY_REQUIRE_DYNAMODB_LOCAL === '1';
  if (!required && process.env.PARLEY_DYNAMODB_LOCAL_TESTS !== '1') {
    console.warn(
      "DynamoDB Local tests skipped: they run AWS's DynamoDB Local under its licence (docs/local-dynamodb.md); PARLEY_DYNAMODB_LOCAL_TESTS=1 runs them",
    );
    return [];
  }
  // The check is TypeScript shared with the local stack; tsx loads it, then steps aside for jest's own transform.
  const typescript = tsx.register({ namespace: 'parley-jest-config' });
  const { dynamoDbLocalAvailability } = typescript.require(
    './local/dynamodb/dynamodb-local-install.ts',
    __filename,
  );
  typescript.unregister();
  const availability = dynamoDbLocalAvailability();
  if (!availability.available) {
    if (required) throw new Error(`PARLEY_REQUIRE_DYNAMODB_LOCAL=1 but ${availability.reason}`);
    console.warn(`DynamoDB Local tests skipped: ${availability.reason}`);
    return [];
  }
  return [
    {
      ...base,
      displayName: 'dynamodb-local',
      testMatch: DYNAMODB_LOCAL_TESTS.map((file) => `<rootDir>/${file}`),
      setupFiles: [...base.setupFiles, '<rootDir>/test/support/dynamodb-local-engine.ts'],
      setupFilesAfterEnv: ['<rootDir>/test/support/dynamodb-local-timeout.ts'],
      globalSetup: '<rootDir>/test/support/dynamodb-local-global-setup.ts',
      globalTeardown: '<rootDir>/test/support/dynamodb-local-global-teardown.ts',
    },
  ];
}

module.exports = {
  testTimeout: 20000,
  projects: [
    {
      ...base,
      displayName: 'dynalite',
      testPathIgnorePatterns: [
        '/node_modules/',
        ...DYNAMODB_LOCAL_ONLY_TESTS.map((file) => `<rootDir>/${file}`),
      ],
    },
    ...dynamoDbLocalProjects(),
  ],
};
