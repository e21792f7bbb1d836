export async function measureSession() {
  throw new Error('not wired yet');
}
