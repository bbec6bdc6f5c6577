// Runs the built kafka-tui binary as a user would, capturing output and timing.
import { resolve } from 'node:path';
import { REPO } from './ports.js';
import { runProcess, type ProcessResult } from './run-process.js';

export type CliResult = ProcessResult;

export interface CliOptions {
  env?: Record<string, string | undefined>;
  input?: string | Buffer;
  timeoutMs?: number;
}

export const BIN = resolve(REPO, 'bin/kafka-tui.js');

export function runCli(args: string[], options: CliOptions = {}): Promise<CliResult> {
  const merged: Record<string, string | undefined> = { ...process.env, KAFKA_BOOTSTRAP_SERVERS: undefined, ...options.env };
  const env = Object.fromEntries(Object.entries(merged).filter(([, v]) => v !== undefined)) as NodeJS.ProcessEnv;
  return runProcess(process.execPath, [BIN, ...args], { env, input: options.input, timeoutMs: options.timeoutMs ?? 60_000 });
}

let counter = 0;
export const uniqueTopic = (prefix: string): string => `${prefix}-${process.pid}-${Date.now().toString(36)}-${counter++}`;
