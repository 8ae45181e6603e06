// 看故事版: a federation's year, one screen an idea; opened from the report or from a shared link.
import { useEffect, useState } from 'react'
import { env } from '@/config/env'
import { PageShell } from '@/components/page-shell'
import { ErrorState, Skeleton } from '@/components/state-view'
import { storySharePath, storyShareQuery, storyShareTitle } from '@/domain/story'
import { storyArt } from '@/features/story/story-art'
import { StoryView } from '@/features/story/story-view'
import { useStory } from '@/features/story/use-story'
import { ShareBar } from '@/features/share/share-bar'
import { SinglePageHint } from '@/features/share/single-page-hint'
import { navigateTo, switchTab, systemFontScale } from '@/platform'
import { h5Url } from '@/platform/media'
import { useRouter } from '@/platform/page'
import { useShare } from '@/platform/share'
import { closeStory, onStoryKeys, prefersReducedMotion } from '@/platform/story'
import { routes } from '@/routes'
import { effectiveFontScale } from '@/shared/font-scale'
import { useSinglePage } from '@/shared/use-single-page'
import { useAppStore } from '@/store'

export default function StoryPage() {
  const { params } = useRouter()
  const id = params.id ?? ''
  const { report, screens } = useStory(id)
  const [index, setIndex] = useState(0)
  const single = useSinglePage()
  const largeFont = useAppStore((s) => s.largeFont)
  // Still numbers with reduced motion, and in large font (the mini-program has no reduced-motion setting).
  const [reduced] = useState(prefersReducedMotion)
  const still = reduced || effectiveFontScale(systemFontScale(), largeFont) >= 1.3
  const data = report.status === 'ready' ? report.data : undefined
  const card = data?.card
  const title = card ? storyShareTitle(card.name, card.year) : ''
  useShare(card && { title, path: storySharePath(id), query: storyShareQuery(id) })

  const last = screens.length - 1
  useEffect(() => onStoryKeys((step) => setIndex((i) => Math.min(last, Math.max(0, i + step)))), [last])

  return (
    <PageShell className="story-page">
      {report.status === 'loading' ? <Skeleton blocks={2} label="正在加载故事版" /> : null}
      {report.status === 'error' ? <ErrorState message={report.message} onRetry={() => void report.reload()} /> : null}
      {data && card ? (
        <StoryView
          screens={screens}
          color={card.color}
          artOf={(key) => storyArt(data, key)}
          index={index}
          onIndex={setIndex}
          still={still}
          actions={{
            share: single ? (
              <SinglePageHint action="查看完整盘点" />
            ) : (
              <ShareBar
                title={title}
                url={h5Url(routes.story(id), env.h5Origin)}
                onPoster={() => navigateTo(routes.poster(id))}
              />
            ),
            onReport: single ? undefined : () => navigateTo(routes.report(id)),
            onHome: single ? undefined : () => switchTab(routes.feed),
            onClose: () => closeStory(routes.feed),
          }}
        />
      ) : null}
    </PageShell>
  )
}
