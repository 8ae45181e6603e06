// A federation's year as full-screen vertical screens: opening, one hero figure a screen, closing.
import { useRef, type CSSProperties, type ReactNode } from 'react'
import { Button, Text, View } from '@tarojs/components'
import { screenScrolledThrough } from '@/platform/story'
import { FIGURE_RULE_SHORT, figureWidthEm } from '@/domain/figures'
import { screenAnnouncement, type StoryScreen } from '@/domain/story'
import type { IconName } from '@/domain/topic-art'
import { TopicArt } from '@/components/topic-art'
import { keyboardStop } from '@/shared/keyboard-stop'
import { useCountUp } from './use-count-up'
import './story-view.scss'

type Figure = Extract<StoryScreen, { kind: 'figure' }>
type Closing = Extract<StoryScreen, { kind: 'closing' }>

export interface StoryActions {
  /** The share and poster buttons (ShareBar); absent in Moments' single-page mode. */
  share?: ReactNode
  onReport?: () => void
  onHome?: () => void
  onClose: () => void
}

/** A screen's body: it may scroll at a large font, so a keyboard user can reach and scroll it too. */
function Body({ label, children, className = '' }: { label: string; children: ReactNode; className?: string }) {
  return (
    <View className={`story__body ${className}`} role="region" aria-label={label} {...keyboardStop}>
      {children}
    </View>
  )
}

function Opening({ s }: { s: Extract<StoryScreen, { kind: 'opening' }> }) {
  return (
    <Body label={`${s.name}${s.year}年终盘点`} className="story__body--opening">
      <Text className="story__kicker">{s.region}</Text>
      <Text className="story__year">{s.year}</Text>
      <View className="story__opening-title" role="heading" aria-level={1}>
        <Text className="story__title-line">{s.name}</Text>
        <Text className="story__title-line">年终盘点</Text>
      </View>
      <Text className="story__line">{s.summary}</Text>
      <Text className="story__hint">上滑或点“下一屏”，一分钟看完这一年</Text>
    </Body>
  )
}

function FigureScreen({ s, n, active, still }: { s: Figure; n: number; active: boolean; still: boolean }) {
  const text = useCountUp(s.figure.text, active, still)
  // Sized by the final text so the number never reflows while it counts, and never clips at 1.4×.
  const fit = { '--figure-em': String(Math.max(figureWidthEm(s.figure.text), 2)) } as CSSProperties
  return (
    <Body label={s.title}>
      <Text className="story__kicker">
        {String(n).padStart(2, '0')} · {s.title}
      </Text>
      <View className="story__figure" style={fit} aria-label={s.figure.speech} role="img">
        {s.figure.scope ? <Text className="story__scope">{s.figure.scope}</Text> : null}
        <Text className="story__number">{text}</Text>
        <Text className="story__unit">{s.figure.unit}</Text>
      </View>
      <View className="story__label" role="heading" aria-level={2}>
        {s.figure.label}
      </View>
      <Text className="story__line">{s.line}</Text>
    </Body>
  )
}

function ClosingScreen({ s, actions }: { s: Closing; actions: StoryActions }) {
  return (
    <Body label="看完了" className="story__body--closing">
      <Text className="story__year story__year--small">{s.year}</Text>
      <View className="story__opening-title" role="heading" aria-level={2}>
        <Text className="story__title-line">{s.name}的一年</Text>
        <Text className="story__title-line">看完了</Text>
      </View>
      <Text className="story__line">每个数字背后，都是姐妹们一起走过的日子。转给身边的人看看吧。</Text>
      <View className="story__actions">
        {actions.share}
        {actions.onReport ? (
          <Button
            className="button button--ghost stack-button story__ghost"
            onClick={actions.onReport}
            aria-label="查看完整盘点"
            {...keyboardStop}
          >
            查看完整盘点
          </Button>
        ) : null}
        {actions.onHome ? (
          <Button
            className="button button--ghost stack-button story__ghost"
            onClick={actions.onHome}
            aria-label="返回首页"
            {...keyboardStop}
          >
            返回首页
          </Button>
        ) : null}
      </View>
      <Text className="story__source">{s.sourceLine}</Text>
      <Text className="story__source">{FIGURE_RULE_SHORT}</Text>
    </Body>
  )
}

/** View's touch handlers are typed as plain events in Taro; they carry the touches on both hosts. */
type Point = { clientX: number; clientY: number }
type Touches = { touches: ArrayLike<Point>; changedTouches: ArrayLike<Point> }

/** A vertical swipe of at least 48 px, more up-down than sideways: +1 (up, next) or -1 (down, back). */
export function swipeStep(dx: number, dy: number): 1 | -1 | 0 {
  if (Math.abs(dy) < 48 || Math.abs(dy) <= Math.abs(dx)) return 0
  return dy < 0 ? 1 : -1
}

export function StoryView({
  screens,
  color,
  artOf,
  index,
  onIndex,
  still,
  actions,
}: {
  screens: StoryScreen[]
  color: string
  /** The illustration of the screen with this key (story-art.ts). */
  artOf: (key: string) => IconName
  index: number
  onIndex: (index: number) => void
  /** No count-up: reduced motion, or large font on the mini-program. */
  still: boolean
  actions: StoryActions
}) {
  const touch = useRef<{ x: number; y: number } | null>(null)
  const last = screens.length - 1
  const go = (i: number) => onIndex(Math.min(last, Math.max(0, i)))
  const screen = screens[index]
  const figureNo = screens.slice(0, index + 1).filter((s) => s.kind === 'figure').length
  // Figures alternate between the federation's colour and the page's own background.
  const light = screen.kind === 'figure' && figureNo % 2 === 0
  const tone = light ? 'story__screen--light' : 'story__screen--bold'
  const art = artOf(screen.key)
  return (
    <View className="story themed" style={{ '--card-color': color } as CSSProperties}>
      <View className="story__bar">
        <View className="story__dots" aria-hidden>
          {screens.map((s, i) => (
            <View key={s.key} className={`story__dot ${i <= index ? 'story__dot--on' : ''}`} />
          ))}
        </View>
        <Text className="story__count">
          {index + 1} / {screens.length}
        </Text>
        {index < last ? (
          <Button className="story__skip" onClick={() => go(last)} aria-label="跳过，直接看结尾" {...keyboardStop}>
            跳过
          </Button>
        ) : (
          <Button className="story__skip" onClick={actions.onClose} aria-label="关闭故事版" {...keyboardStop}>
            关闭
          </Button>
        )}
      </View>
      <Text className="a11y-only" aria-live="polite">
        {screenAnnouncement(screens, index)}
      </Text>
      {/* One screen at a time (a swipe or a step brings the next in): the first setData stays small,
          and no swiper library joins the app. */}
      <View
        className="story__stage"
        onTouchStart={(e) => {
          const t = (e as unknown as Touches).touches[0]
          touch.current = t ? { x: t.clientX, y: t.clientY } : null
        }}
        onTouchEnd={(e) => {
          const start = touch.current
          const t = (e as unknown as Touches).changedTouches[0]
          touch.current = null
          if (!start || !t) return
          const step = swipeStep(t.clientX - start.x, t.clientY - start.y)
          // A tall screen (large font) scrolls first; a swipe past its end moves on.
          if (step && screenScrolledThrough(step)) go(index + step)
        }}
      >
        <View key={screen.key} className={`story__screen ${tone}`}>
          {/* The screen's topic drawn large behind it: white on the colour, the colour on the page. */}
          <TopicArt art={art} stroke={light ? color : '#fff'} className={`story__art story__art--${screen.kind}`} />
          {screen.kind === 'opening' ? <Opening s={screen} /> : null}
          {screen.kind === 'figure' ? <FigureScreen s={screen} n={figureNo} active still={still} /> : null}
          {screen.kind === 'closing' ? <ClosingScreen s={screen} actions={actions} /> : null}
        </View>
      </View>
      <View className="story__nav">
        <Button
          className={`story__step ${index === 0 ? 'story__step--off' : ''}`}
          onClick={() => go(index - 1)}
          disabled={index === 0}
          aria-label="上一屏"
          {...keyboardStop}
        >
          上一屏
        </Button>
        <Button
          className={`story__step story__step--next ${index === last ? 'story__step--off' : ''}`}
          onClick={() => go(index + 1)}
          disabled={index === last}
          aria-label="下一屏"
          {...keyboardStop}
        >
          下一屏
        </Button>
      </View>
    </View>
  )
}
