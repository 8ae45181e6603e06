import { useReachBottom, useRouter } from '@/platform/page'
import { env } from '@/config/env'
import { PageShell } from '@/components/page-shell'
import { ErrorState, Skeleton } from '@/components/state-view'
import { cardShareImage, cardShareTitle, shareQuery, sharePath } from '@/domain/share'
import { jumpTo, REPORT_ANCHOR, ReportView } from '@/features/report/report-view'
import { useReport } from '@/features/report/use-report'
import { ShareBar } from '@/features/share/share-bar'
import { SinglePageHint } from '@/features/share/single-page-hint'
import { useShareImages } from '@/features/share/use-share-images'
import { navigateTo, scrollToSelector, toast } from '@/platform'
import { View } from '@tarojs/components'
import { api } from '@/services'
import { h5Url } from '@/platform/media'
import { useShare } from '@/platform/share'
import { routes } from '@/routes'
import { useSinglePage } from '@/shared/use-single-page'

export default function ReportPage() {
  const { params } = useRouter()
  const id = params.id ?? ''
  const { report, shownSections, showMore } = useReport(id)
  const single = useSinglePage()
  const card = report.status === 'ready' ? report.data.card : undefined
  const title = card ? cardShareTitle(card) : ''
  // Title and images lead with the same figure: the card's hero.
  const images = useShareImages(card && cardShareImage(card))
  const page = { kind: 'report' as const, federationId: id }
  useShare(
    card && {
      title,
      path: sharePath(page),
      query: shareQuery(page),
      imageUrl: images.chat,
      timelineImageUrl: images.timeline,
    },
  )
  useReachBottom(showMore)
  return (
    <PageShell>
      {single ? <SinglePageHint /> : null}
      {report.status === 'loading' ? <Skeleton blocks={2} label="正在加载年终盘点" /> : null}
      {report.status === 'error' ? <ErrorState message={report.message} onRetry={() => void report.reload()} /> : null}
      {report.status === 'ready' ? (
        <ReportView
          report={report.data}
          shownSections={shownSections}
          onShowMore={showMore}
          onOpenProgram={(pid) =>
            single ? toast('请点屏幕下方“前往小程序”查看项目') : navigateTo(routes.program(pid))
          }
          onOpenStory={single ? undefined : () => navigateTo(routes.story(id))}
          onOpenSource={api.getSource && !single ? () => navigateTo(routes.reportSource(id)) : undefined}
          onJump={(anchor) => jumpTo(anchor, scrollToSelector)}
          onPoster={single ? undefined : () => navigateTo(routes.poster(id))}
        />
      ) : null}
      {report.status === 'ready' && !single ? (
        <View id={REPORT_ANCHOR.share}>
          <ShareBar
            title={title}
            url={h5Url(routes.report(id), env.h5Origin)}
            onPoster={() => navigateTo(routes.poster(id))}
          />
        </View>
      ) : null}
    </PageShell>
  )
}
