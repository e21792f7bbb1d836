/**
 * Loaded into every test file's process by `npm test` (scripts/test.mjs): coverage is measured in
 * the test processes only. V8 has already started collecting for this process (it read
 * NODE_V8_COVERAGE at start-up); taking the variable out of the environment keeps the programs a
 * test starts (the CLI bundle, `script`, shells) from writing coverage files of their own, which
 * the runner would then have to read, and which a program killed mid-write leaves empty, failing
 * the whole coverage report.
 */
delete process.env.NODE_V8_COVERAGE;
