// Loads a federation's report and turns it into story screens.
import { useMemo } from 'react'
import { storyScreens } from '@/domain/story'
import { api } from '@/services'
import { useAsync } from '@/shared/use-async'

export function useStory(federationId: string) {
  const report = useAsync(() => api.getReport(federationId), [federationId])
  const data = report.status === 'ready' ? report.data : undefined
  const screens = useMemo(() => (data ? storyScreens(data) : []), [data])
  return { report, screens }
}
