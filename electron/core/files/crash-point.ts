/**
 * Fault injection for the crash tests: with QKL_CRASH_AT set to this point's name
 * the process kills itself with SIGKILL right here, as a power cut or a killed
 * window would. Never set in real use; it costs one comparison.
 */
export function crashPoint(point: string): void {
  if (process.env['QKL_CRASH_AT'] !== point) return;
  process.kill(process.pid, 'SIGKILL');
  // the signal may land a moment later: nothing after this point may run meanwhile
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 60_000);
}
