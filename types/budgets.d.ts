// Types for the CommonJS modules of bench/ that the tests import.
declare module '*/bench/budgets.cjs' {
  export interface BudgetRow {
    figure: string
    value: string
    limit: string
    ok: boolean
  }
  export const limits: {
    mainPackageRatio: number
    mainPackageRatioGoal: number
    subpackageBytes: number
    firstRenderBytes: number
    /** Pages held to their own, tighter first-render limit (route → bytes). */
    firstRenderBytesByPage: Record<string, number>
    firstRenderNodesBelow: number
    keystrokeCalls: number
    keystrokeBytes: number
    /** The detail page's first render with an e-ticket on it. */
    ticketRenderBytes: number
    h5PathBytes: number
    h5PathGzipBytes: number
    h5ChunkBytes: number
    /** index.html with the feed's prerendered first screen, gzipped. */
    h5HtmlGzipBytes: number
    /** Measurements that must be taken: one missing fails like one over its limit. */
    required: {
      subpackages: string[]
      firstRenders: string[]
      typing: string
      /** The page measured with a confirmed sign-up's e-ticket. */
      ticket: string
      h5Path: string[]
    }
  }
  export function evaluateBudgets(m: unknown): BudgetRow[]
  export function firstRenderLimit(route: string, l?: unknown): number
}

declare module '*/bench/h5-chunks.cjs' {
  export interface H5Script {
    file: string
    bytes: number
    gzip: number
  }
  export interface H5Path {
    routes: string[]
    missing: string[]
    files: string[]
    bytes: number
    gzip: number
  }
  export function h5Scripts(distDir: string): H5Script[]
  export function h5RouteChunks(distDir: string): { entry: string[]; routes: Map<string, string[]> }
  export function h5PathScripts(distDir: string, path: string[]): H5Path
  export interface H5Html {
    bytes: number
    gzip: number
    firstScreen: boolean
  }
  export function h5Html(distDir: string): H5Html
  export function h5Budget(distDir: string, path: string[]): { path: H5Path; largest: H5Script; html: H5Html }
}

declare module '*/bench/weapp-harness.cjs' {
  export function setPath(data: object, key: string, value: unknown): void
}
