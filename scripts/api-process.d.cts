import type { ChildProcess } from 'node:child_process'

export interface ApiProcess {
  origin: string
  child: ChildProcess
  stop(signal?: NodeJS.Signals): Promise<void>
}

export function startApiProcess(
  env?: Record<string, string>,
  options?: { port?: number; timeoutMs?: number },
): Promise<ApiProcess>

export function freePort(): Promise<number>
