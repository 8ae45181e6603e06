// Jest: pure domain tests run in node; component and page tests opt into jsdom per file.
/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/tests'],
  testMatch: ['**/*.test.ts', '**/*.test.tsx'],
  transform: { '^.+\\.[jt]sx?$': 'babel-jest' },
  moduleNameMapper: {
    // First, so a stylesheet imported by an `@/` path is a stand-in too.
    '\\.(css|scss)$': '<rootDir>/tests/support/style.ts',
    // require.context is webpack's; under jest the same files are read from disk.
    '^@/services/mock/content-files$': '<rootDir>/tests/support/content-files.ts',
    '^@/services/mock/content-forms$': '<rootDir>/tests/support/content-forms.ts',
    '^@/(.*)$': '<rootDir>/src/$1',
    '^@mock/(.*)$': '<rootDir>/mock/$1',
    // Taro's runtime needs a mini-program or browser host; tests use small stand-ins.
    '^@tarojs/taro$': '<rootDir>/tests/support/taro.ts',
    '^@tarojs/components$': '<rootDir>/tests/support/components.tsx',
  },
  // One clock for every suite, pinned in one place.
  setupFiles: ['<rootDir>/tests/support/clock.ts'],
  // Server suites start PGlite (a few seconds on a busy 2-core machine): wait that long, not 5 s.
  testTimeout: 30_000,
  clearMocks: true,
  reporters: ['default', '<rootDir>/tests/support/summary-reporter.cjs'],
}
