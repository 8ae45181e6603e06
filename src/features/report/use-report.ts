// Fetch hook for one federation's report.
import { useCallback, useState } from 'react'
import { api } from '@/services'
import { useAsync } from '@/shared/use-async'
import { REPORT_FIRST_SECTIONS } from './report-view'

export function useReport(federationId: string) {
  const report = useAsync(() => api.getReport(federationId), [federationId])
  const [shownSections, setShown] = useState(REPORT_FIRST_SECTIONS)
  const showMore = useCallback(() => setShown((n) => n + REPORT_FIRST_SECTIONS), [])
  return { report, shownSections, showMore }
}
