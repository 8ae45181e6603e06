import { useRouter } from '@/platform/page'
import { env } from '@/config/env'
import { PageShell } from '@/components/page-shell'
import { ErrorState, Skeleton } from '@/components/state-view'
import { hasOpenSession } from '@/domain/sessions'
import { programShareTitle, shareQuery, sharePath } from '@/domain/share'
import { signupAction } from '@/domain/session-order'
import { ProgramView } from '@/features/program/program-view'
import { SignupBar } from '@/features/program/signup-bar'
import { useProgram } from '@/features/program/use-program'
import { ShareBar } from '@/features/share/share-bar'
import { SinglePageHint } from '@/features/share/single-page-hint'
import { useShareImages } from '@/features/share/use-share-images'
import { navigateTo, toast } from '@/platform'
import { h5Url } from '@/platform/media'
import { useShare } from '@/platform/share'
import { routes } from '@/routes'
import { useNow } from '@/shared/use-now'
import { useSinglePage } from '@/shared/use-single-page'

export default function ProgramPage() {
  const { params } = useRouter()
  const id = params.id ?? ''
  const program = useProgram(id)
  const now = useNow()
  const single = useSinglePage()
  const detail = program.status === 'ready' ? program.data : undefined
  const open = detail ? hasOpenSession(detail.sessions, now) : false
  const title = detail ? programShareTitle(detail.program, detail.federation.name, open) : ''
  const action = detail ? signupAction(detail.sessions, now) : undefined
  const images = useShareImages(
    detail && {
      color: detail.color,
      title: detail.program.title,
      subtitle: detail.federation.name,
      figure: detail.figures[0],
    },
  )
  const page = { kind: 'program' as const, programId: id }
  useShare(
    detail && {
      title,
      path: sharePath(page),
      query: shareQuery(page),
      imageUrl: images.chat,
      timelineImageUrl: images.timeline,
    },
  )
  return (
    <PageShell>
      {single ? <SinglePageHint action={open ? '查看详情和报名' : '查看详情'} /> : null}
      {program.status === 'loading' ? <Skeleton blocks={2} label="正在加载项目" /> : null}
      {program.status === 'error' ? (
        <ErrorState message={program.message} onRetry={() => void program.reload()} />
      ) : null}
      {detail ? (
        <ProgramView
          detail={detail}
          now={now}
          signupAvailable={!single}
          onSignup={(sessionId) => navigateTo(routes.signup(detail.program.id, sessionId))}
          onOpenFederation={(fid) => (single ? toast('请点屏幕下方“前往小程序”查看') : navigateTo(routes.report(fid)))}
        />
      ) : null}
      {detail && !single ? <ShareBar title={title} url={h5Url(routes.program(id), env.h5Origin)} /> : null}
      {action && !single ? (
        <SignupBar action={action} onSignup={(sessionId) => navigateTo(routes.signup(id, sessionId))} />
      ) : null}
    </PageShell>
  )
}
