// The icon module and the licence in the repository are what scripts/topic-art.mjs makes from the pinned icon set.
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

const ROOT = join(__dirname, '../..')
const SCRIPT = join(ROOT, 'scripts/topic-art.mjs')
const run = (args: string[]) => execFileSync(process.execPath, [SCRIPT, ...args], { cwd: ROOT, encoding: 'utf8' })

describe('scripts/topic-art.mjs', () => {
  it('regenerates exactly the checked-in icon module and licence', () => {
    expect(() => run(['--check'])).not.toThrow()
  })

  it("keeps the icon set's licence beside the generated data, and names it in the module", () => {
    expect(readFileSync(join(ROOT, 'licenses/tabler-icons.txt'), 'utf8')).toMatch(/^MIT License[\s\S]*Paweł Kuna/)
    expect(readFileSync(join(ROOT, 'src/domain/topic-art-paths.ts'), 'utf8')).toContain('licenses/tabler-icons.txt')
  })

  it('fails the check when the generated module was edited by hand', () => {
    // The check compares against the file on disk: run it on a copy of the script pointed at a changed module.
    const dir = mkdtempSync(join(tmpdir(), 'topic-art-'))
    const changed = readFileSync(join(ROOT, 'src/domain/topic-art-paths.ts'), 'utf8').replace("'M", "'M1 1")
    const module = join(dir, 'topic-art-paths.ts')
    writeFileSync(module, changed)
    expect(() =>
      execFileSync(process.execPath, [SCRIPT, '--check'], {
        cwd: ROOT,
        encoding: 'utf8',
        stdio: 'pipe',
        env: { ...process.env, TOPIC_ART_OUT: module },
      }),
    ).toThrow(/not what scripts\/topic-art.mjs makes/)
  })
})
