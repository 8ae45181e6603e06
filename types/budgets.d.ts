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
    firstRenderNodesBelow: number
    keystrokeCalls: number
    keystrokeBytes: number
  }
  export function evaluateBudgets(m: unknown): BudgetRow[]
}
