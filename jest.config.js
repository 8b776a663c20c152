/** @type {import('jest').Config} */
// @swc/jest strips types without type-checking (3-4x faster than ts-jest here); `npm run typecheck` does the checking.
module.exports = {
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
  testTimeout: 20000,
};
