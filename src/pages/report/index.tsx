import { useReachBottom, useRouter } from '@tarojs/taro'
import { PageShell } from '@/components/page-shell'
import { ErrorState, Skeleton } from '@/components/state-view'
import { ReportView } from '@/features/report/report-view'
import { useReport } from '@/features/report/use-report'
import { navigateTo } from '@/platform'
import { routes } from '@/routes'

export default function ReportPage() {
  const { params } = useRouter()
  const { report, shownSections, showMore } = useReport(params.id ?? '')
  useReachBottom(showMore)
  return (
    <PageShell>
      {report.status === 'loading' ? <Skeleton blocks={2} label="正在加载年终盘点" /> : null}
      {report.status === 'error' ? <ErrorState message={report.message} onRetry={() => void report.reload()} /> : null}
      {report.status === 'ready' ? (
        <ReportView
          report={report.data}
          shownSections={shownSections}
          onShowMore={showMore}
          onOpenProgram={(id) => navigateTo(routes.program(id))}
        />
      ) : null}
    </PageShell>
  )
}
