/** Waiting on a pty run's output: until it has been quiet for a while (a frame is complete). */
export function settled(run, { quietMs = 150, timeoutMs = 10_000 } = {}) {
  return new Promise((resolve) => {
    const started = performance.now();
    let length = run.rawOutput().length;
    let lastChange = performance.now();
    const timer = setInterval(() => {
      const now = performance.now();
      const current = run.rawOutput().length;
      if (current !== length) { length = current; lastChange = now; }
      if (now - lastChange >= quietMs || now - started >= timeoutMs) { clearInterval(timer); resolve(); }
    }, 20);
  });
}
