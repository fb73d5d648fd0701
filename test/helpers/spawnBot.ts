import { spawn, type ChildProcess } from 'node:child_process';

export interface BotProcess {
  readonly url: string;
  readonly pid: number;
  /** Everything the process wrote to stdout and stderr so far. */
  output(): string;
  stop(): Promise<number | null>;
}

/** Starts the built bot as its own process, as `npm start` does, on a free loopback port. */
export async function spawnBot(env: Record<string, string>): Promise<BotProcess> {
  const child: ChildProcess = spawn(process.execPath, ['dist/src/main.js'], {
    env: { PATH: process.env.PATH ?? '', PORT: '0', HOST: '127.0.0.1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the bot did not start:\n${output}`)), 15_000);
    const check = (): void => {
      const match = /"address":"(http:\/\/127\.0\.0\.1:\d+)"/.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      } else if (child.exitCode !== null) {
        clearTimeout(timer);
        reject(new Error(`the bot exited:\n${output}`));
      } else setTimeout(check, 50);
    };
    check();
  });
  return {
    url,
    pid: child.pid ?? 0,
    output: () => output,
    stop: () =>
      new Promise((resolve) => {
        child.once('exit', (code) => resolve(code));
        child.kill('SIGTERM');
      }),
  };
}
