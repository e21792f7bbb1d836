/**
 * Loaded into the test runner and every test file's process by `npm test` (scripts/test.mjs):
 * coverage is measured in the test files' processes only. V8 has already started collecting for
 * this process (it read NODE_V8_COVERAGE at start-up); in a test file's process, taking the variable out of the environment keeps the programs the
 * test starts (the CLI bundle, `script`, shells) from writing coverage files of their own, which c8
 * would then have to read, and which a program killed mid-write leaves empty.
 *
 * Source maps: ours only. tsx turns them on for every module, so each test process read, parsed
 * and wrote into its coverage file the maps of some 650 files of node_modules (13 of its 16 MB,
 * mostly the Azure SDK's); c8 needs the maps of src/ alone, and stack traces point into src/ too.
 * Loaded after tsx (scripts/test.mjs), so this setting is the one that holds.
 */
import { setSourceMapsSupport } from 'node:module';

setSourceMapsSupport(true, { nodeModules: false, generatedCode: false });
// A test file's own process: one the runner started for it (NODE_TEST_CONTEXT), or a group that
// runs its files in one process (scripts/test-groups.mjs).
if (process.env.NODE_TEST_CONTEXT || process.env.VNET_DOCTOR_TEST_PROCESS) {
  delete process.env.NODE_V8_COVERAGE;
  delete process.env.VNET_DOCTOR_TEST_PROCESS;
}
