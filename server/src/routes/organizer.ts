// The organizer's side: her federation's programs with their counts, a program's roster and its CSV.
import type { FastifyInstance, FastifyRequest } from 'fastify'
import type { OrganizerOverview, OrganizerProgram } from '../../../src/services/organizer'
import type { Accounts } from '../accounts'
import { organizerOf, requireRole } from '../auth'
import type { Content } from '../content'
import { HttpError, notFound } from '../errors'
import { param } from '../http/limits'
import { rosterCsv, toRosterRow } from '../organizers'
import { ROUTE_SCHEMAS, type CheckinRoster } from '../schemas'
import type { Signups } from '../signups'

export interface OrganizerDeps {
  content: Content
  signups: Signups
  accounts: Accounts
  now: () => Date
}

export async function organizerRoutes(app: FastifyInstance, deps: OrganizerDeps): Promise<void> {
  const { content, signups, now } = deps
  const organizer = (req: FastifyRequest): string => organizerOf(req).federation.id
  // All three roles read rosters.
  const reader = requireRole(deps.accounts, 'viewer')

  const ownProgram = async (req: FastifyRequest) => {
    const federationId = organizer(req)
    const found = await content.program(param(req, 'id', '没有找到这个项目'))
    if (!found) throw notFound('没有找到这个项目')
    if (found.file.federation.id !== federationId) {
      throw new HttpError(403, 'forbidden', '这不是你所在妇联的项目，看不到它的报名名单')
    }
    if (!found.program.signup) throw notFound('这个项目不接受报名，没有名单')
    return { ...found, form: found.program.signup.form }
  }

  const roster = async (req: FastifyRequest) => {
    const { file, program, form } = await ownProgram(req)
    // Each answer under the label of the form version it was given with.
    const rows = (await signups.roster(program.id)).map((r) =>
      toRosterRow(r.signup, r.answers, r.form ?? form, r.checkedIn),
    )
    return { file, program, form, rows }
  }

  app.get(
    '/api/organizer/programs',
    { schema: ROUTE_SCHEMAS.organizerOverview, preHandler: reader },
    async (req): Promise<OrganizerOverview> => {
      const federationId = organizer(req)
      const file = await content.federation(federationId)
      if (!file) throw notFound('没有找到你的妇联的内容')
      const at = now()
      const programs = await Promise.all(
        file.programs
          .filter((p) => p.signup)
          .map(async (p): Promise<OrganizerProgram> => {
            const counts = await signups.statusCounts(p.id)
            return {
              id: p.id,
              title: p.title,
              sessions: (await signups.sessionsOf(p, at)).map((s) => ({
                id: s.id,
                title: s.title,
                start: s.start,
                capacity: s.capacity,
                taken: s.taken,
              })),
              ...counts,
            }
          }),
      )
      return { federation: { id: federationId, name: file.federation.name }, programs }
    },
  )

  app.get(
    '/api/organizer/programs/:id/roster',
    { schema: ROUTE_SCHEMAS.roster, preHandler: reader },
    async (req): Promise<CheckinRoster> => {
      const { file, program, rows } = await roster(req)
      return {
        federation: { id: file.federation.id, name: file.federation.name },
        program: { id: program.id, title: program.title },
        rows,
      }
    },
  )

  app.get(
    '/api/organizer/programs/:id/roster.csv',
    { schema: ROUTE_SCHEMAS.rosterCsv, preHandler: reader },
    async (req, reply) => {
      const { program, form, rows } = await roster(req)
      const name = `${program.title}-报名名单.csv`
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header(
          'content-disposition',
          `attachment; filename="roster.csv"; filename*=UTF-8''${encodeURIComponent(name)}`,
        )
        .header('cache-control', 'no-store')
        .send(rosterCsv(rows, form))
    },
  )
}
