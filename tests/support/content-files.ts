// Test stand-in for src/services/mock/content-files.ts: the same mock/*.json, read from disk.
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { RawFile } from '@/domain/catalog'

export function readJsonDir(dir: string, label: string): RawFile[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => ({ file: `${label}/${f}`, data: JSON.parse(readFileSync(join(dir, f), 'utf8')) as unknown }))
}

export const MOCK_DIR = join(__dirname, '..', '..', 'mock')
export const contentFiles: RawFile[] = readJsonDir(MOCK_DIR, 'mock')

/** The ids of every federation in mock/, sorted: the shipped five, and any added beside them. */
export const federationIds: string[] = contentFiles
  .map((f) => (f.data as { federation: { id: string } }).federation.id)
  .sort()
