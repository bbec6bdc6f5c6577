// A real terminal for end-to-end tests: a detached tmux session of a fixed size on its own
// server socket (so it never touches a developer's tmux), driven with send-keys and read
// with capture-pane.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const exec = promisify(execFile);
let sessions = 0;

export class TmuxSession {
  private constructor(
    readonly socket: string,
    readonly name: string,
  ) {}

  /** Starts a plain shell in a width×height terminal. */
  static async start(options: { width?: number; height?: number; cwd?: string; env?: Record<string, string> } = {}): Promise<TmuxSession> {
    const session = new TmuxSession(`kafka-tui-e2e-${process.pid}-${sessions++}`, 'e2e');
    const env = Object.entries(options.env ?? {}).flatMap(([k, v]) => ['-e', `${k}=${v}`]);
    await session.tmux(
      'new-session',
      '-d',
      '-s',
      session.name,
      '-x',
      String(options.width ?? 80),
      '-y',
      String(options.height ?? 24),
      ...(options.cwd ? ['-c', options.cwd] : []),
      ...env,
      'env PS1="$ " bash --norc --noprofile',
    );
    return session;
  }

  async tmux(...args: string[]): Promise<string> {
    const { stdout } = await exec('tmux', ['-L', this.socket, ...args]);
    return stdout;
  }

  /** Keys by tmux name (Enter, Escape, C-c, Space...) or literal text with `literal`. */
  async keys(...keys: string[]): Promise<void> {
    await this.tmux('send-keys', '-t', this.name, ...keys);
  }

  async type(text: string): Promise<void> {
    await this.tmux('send-keys', '-t', this.name, '-l', text);
  }

  async run(command: string): Promise<void> {
    await this.type(command);
    await this.keys('Enter');
  }

  capture(): Promise<string> {
    return this.tmux('capture-pane', '-p', '-t', this.name);
  }

  async title(): Promise<string> {
    return (await this.tmux('display-message', '-p', '-t', this.name, '#{pane_title}')).trim();
  }

  /** True while the pane shows the alternate screen (a fullscreen program is up). */
  async inAlternateScreen(): Promise<boolean> {
    return (await this.tmux('display-message', '-p', '-t', this.name, '#{alternate_on}')).trim() === '1';
  }

  /** The program in the foreground of the pane, e.g. 'bash' once a command has exited. */
  async currentCommand(): Promise<string> {
    return (await this.tmux('display-message', '-p', '-t', this.name, '#{pane_current_command}')).trim();
  }

  async waitForShell(timeoutMs = 10_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while ((await this.currentCommand()) !== 'bash') {
      if (Date.now() > deadline) throw new Error(`still running: ${await this.currentCommand()}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  async waitFor(what: string | RegExp | ((screen: string) => boolean), timeoutMs = 15_000): Promise<string> {
    const test = typeof what === 'function' ? what : (s: string) => (typeof what === 'string' ? s.includes(what) : what.test(s));
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const screen = await this.capture();
      if (test(screen)) return screen;
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${String(what)}; the screen:\n${screen}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  async kill(): Promise<void> {
    await this.tmux('kill-server').catch(() => {});
  }
}
