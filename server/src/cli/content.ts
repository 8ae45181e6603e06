// The operator's content commands: `npm run seed` (mock/ into an empty database) and
// `npm run admin -- create-federation …` (a federation with no card yet, not public).
import { federationIdProblem, regionCodeProblem } from '../../../src/domain/catalog'
import { LEVELS, type Level } from '../../../src/domain/types'
import { MOCK_DIR, readJsonDir, seedContent } from '../content'
import type { Db } from '../db/db'

/** Imports mock/ into an empty database, dated from `now`; refuses a database with content. */
export async function seed(db: Db, now: Date): Promise<string> {
  const result = await seedContent(db, readJsonDir(MOCK_DIR, 'mock'), now)
  const skipped = result.problems.length ? `；有问题而跳过的内容：\n- ${result.problems.join('\n- ')}` : ''
  return `已导入 ${result.written.length} 个妇联的示例内容，场次按今天（北京时间）定下日期${skipped}`
}

export interface NewFederation {
  id: string
  name: string
  regionCode: string
  level: Level
}

const USAGE =
  '用法：npm run admin -- create-federation --id <id> --name <名称> --region <行政区划代码> --level <省级|市级|区县级>'
const NAME_MAX = 40

/** Reads `--id x --name y --region z --level w`, and checks each value; errors in Chinese. */
export function parseNewFederation(args: string[]): NewFederation {
  const values = new Map<string, string>()
  for (let i = 0; i < args.length; i += 2) {
    const key = args[i]
    if (!['--id', '--name', '--region', '--level'].includes(key)) throw new Error(`不认识的参数 ${key}\n${USAGE}`)
    const value = args[i + 1]
    if (value === undefined || value.startsWith('--')) throw new Error(`${key} 后面缺少值\n${USAGE}`)
    values.set(key, value.trim())
  }
  const problems: string[] = []
  const need = (key: string) => {
    const v = values.get(key) ?? ''
    if (!v) problems.push(`缺少 ${key}`)
    return v
  }
  const id = need('--id')
  const name = need('--name')
  const regionCode = need('--region')
  const level = need('--level')
  if (id) {
    const p = federationIdProblem(id)
    if (p) problems.push(`--id ${p}`)
  }
  if (name.length > NAME_MAX) problems.push(`--name 最多 ${NAME_MAX} 个字`)
  if (regionCode) {
    const p = regionCodeProblem(regionCode)
    if (p) problems.push(`--region ${p}`)
  }
  if (level && !LEVELS.includes(level as Level))
    problems.push(`--level 应为 ${LEVELS.join('、')} 之一，实为 "${level}"`)
  if (problems.length) throw new Error(`没有创建妇联：\n- ${problems.join('\n- ')}\n${USAGE}`)
  return { id, name, regionCode, level: level as Level }
}

/**
 * Creates a federation with no card: it exists (organizers can be given tokens for it) but is not
 * public until its card is published. An id already taken is refused.
 */
export async function createFederation(db: Db, f: NewFederation, now: Date): Promise<string> {
  return db.transaction(async (tx) => {
    const [taken] = await tx.query<{ name: string }>('SELECT name FROM federations WHERE id = $1 FOR UPDATE', [f.id])
    if (taken) throw new Error(`没有创建妇联：id "${f.id}" 已经被“${taken.name}”使用了，请换一个`)
    await tx.query(
      `INSERT INTO federations (id, name, doc, content_hash, region_code, level, published, created_at, loaded_at)
       VALUES ($1, $2, NULL, NULL, $3, $4, false, $5, $5)`,
      [f.id, f.name, f.regionCode, f.level, now],
    )
    return `已创建妇联“${f.name}”（${f.id}），还没有年终盘点卡片，发布前不会公开显示`
  })
}
