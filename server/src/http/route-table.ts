// The routes the app serves, as registered: for the 405 answer and for tests that visit each route.
import type { FastifyInstance, RouteOptions } from 'fastify'

export interface RouteEntry {
  method: string
  url: string
  pattern: RegExp
  /** The schema the route declared, as Fastify got it. */
  schema: RouteOptions['schema']
}

/** A route's path pattern as a regular expression over concrete paths. */
const patternOf = (url: string) =>
  new RegExp(`^${url.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/:[A-Za-z0-9_]+/g, '[^/]+')}$`)

const tables = new WeakMap<FastifyInstance, RouteEntry[]>()

/** Starts recording; call before any route is registered. */
export function recordRoutes(app: FastifyInstance): RouteEntry[] {
  const routes: RouteEntry[] = []
  tables.set(app, routes)
  app.addHook('onRoute', (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method]
    // The CORS preflight answers every path; it says nothing about which methods a path has.
    if (route.url.includes('*')) return
    for (const method of methods) {
      routes.push({ method, url: route.url, pattern: patternOf(route.url), schema: route.schema })
    }
  })
  return routes
}

/** Every route the app serves, as registered. */
export const routeTable = (app: FastifyInstance): RouteEntry[] => [...(tables.get(app) ?? [])]

/** The methods the app takes on a concrete path (none: no such path). */
export const methodsFor = (routes: RouteEntry[], path: string): string[] => [
  ...new Set(routes.filter((r) => r.pattern.test(path)).map((r) => r.method)),
]
