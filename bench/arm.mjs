/** ARM critical path: placeholder until the emulator lands (see measureArm). */
export const ARM_LATENCY_MS = 200;
export async function measureArm() {
  throw new Error('not wired yet');
}
