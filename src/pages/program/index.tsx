import { useRouter } from '@tarojs/taro'
import { PageShell } from '@/components/page-shell'
import { ErrorState, Skeleton } from '@/components/state-view'
import { ProgramView } from '@/features/program/program-view'
import { useProgram } from '@/features/program/use-program'
import { navigateTo } from '@/platform'
import { routes } from '@/routes'
import { useNow } from '@/shared/use-now'

export default function ProgramPage() {
  const { params } = useRouter()
  const program = useProgram(params.id ?? '')
  const now = useNow()
  return (
    <PageShell>
      {program.status === 'loading' ? <Skeleton blocks={2} label="正在加载项目" /> : null}
      {program.status === 'error' ? (
        <ErrorState message={program.message} onRetry={() => void program.reload()} />
      ) : null}
      {program.status === 'ready' ? (
        <ProgramView
          detail={program.data}
          now={now}
          onSignup={(sessionId) => navigateTo(routes.signup(program.data.program.id, sessionId))}
          onOpenFederation={(id) => navigateTo(routes.report(id))}
        />
      ) : null}
    </PageShell>
  )
}
