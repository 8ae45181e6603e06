// The article behind a report (server mode), opened from 查看原文.
import { useRouter } from '@/platform/page'
import { PageShell } from '@/components/page-shell'
import { EmptyState, ErrorState, Skeleton } from '@/components/state-view'
import { SourceView } from '@/features/report/source-view'
import { useSource } from '@/features/report/use-source'

export default function ReportSourcePage() {
  const { params } = useRouter()
  const source = useSource(params.id ?? '')
  return (
    <PageShell>
      {source.status === 'loading' ? <Skeleton blocks={2} label="正在加载原文" /> : null}
      {source.status === 'error' ? <ErrorState message={source.message} onRetry={() => void source.reload()} /> : null}
      {source.status === 'ready' && !source.data ? (
        <EmptyState title="这份报告没有公开原文" text="年终盘点里的数字仍照录原文，可按来源一栏查找原文章。" />
      ) : null}
      {source.status === 'ready' && source.data ? <SourceView source={source.data} /> : null}
    </PageShell>
  )
}
