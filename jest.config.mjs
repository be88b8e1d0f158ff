export default {
  testEnvironment: 'node',
  roots: [
    '<rootDir>/src',
    '<rootDir>/sheets-templates',
    '<rootDir>/test',
    '<rootDir>/playground',
    '<rootDir>/bench',
  ],
  transform: { '^.+\\.ts$': '<rootDir>/scripts/jest-esbuild-transform.cjs' },
  testSequencer: '<rootDir>/scripts/jest-sequencer.cjs',
  moduleFileExtensions: ['ts', 'js', 'json'],
  cacheDirectory: '<rootDir>/.jest-cache',
  // The machine has 2 cores; Jest's default (cores - 1) would run every file in one process.
  maxWorkers: 2,
};
