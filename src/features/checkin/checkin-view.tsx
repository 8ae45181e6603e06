// 现场签到: the session's counts at the top, the answer to the last ticket big and in words, and the
// three ways to check her in (扫码, 输入入场码, 搜索姓名或手机号后4位), each with big tap targets.
import { Button, Input, Text, View } from '@tarojs/components'
import { clock } from '@/shared/clock'
import { WorkspaceGate } from '../workspace/gate'
import { ErrorLine } from '../workspace/field'
import { canCheckInRow, rowStatus, type AnswerView } from './answer'
import { CAMERA_DENIED, CAMERA_HOST_ID, CAMERA_UNAVAILABLE, type Checkin } from './use-checkin'
import './checkin.scss'

const CODE_LABEL = '入场码'
const QUERY_LABEL = '姓名或手机号后4位'

export function CheckinView({ c, title }: { c: Checkin; title?: string }) {
  return (
    <View className="checkin">
      <View className="ws__top">
        <Text className="section-title">现场签到</Text>
        {title ? <Text className="ws__meta">{title}</Text> : null}
      </View>
      {c.load.step === 'ready' ? (
        <Ready c={c} />
      ) : (
        <WorkspaceGate
          connected={c.connected}
          load={c.load}
          what="现场签到"
          loading="正在加载签到人数"
          onRetry={c.retry}
        />
      )}
    </View>
  )
}

function Ready({ c }: { c: Checkin }) {
  return (
    <View>
      <Counts c={c} />
      <Answer a={c.answer} />
      <Scan c={c} />
      <Code c={c} />
      <Search c={c} />
    </View>
  )
}

function Counts({ c }: { c: Checkin }) {
  const n = c.counts
  if (!n) return null
  return (
    <View
      className="card checkin__counts"
      role="status"
      aria-label={`已报名${n.confirmed}人，已签到${n.checkedIn}人，未到${n.absent}人`}
    >
      {(
        [
          ['已报名', n.confirmed],
          ['已签到', n.checkedIn],
          ['未到', n.absent],
        ] as const
      ).map(([label, value]) => (
        <View key={label} className="checkin__count">
          <Text className="checkin__count-n">{value}</Text>
          <Text className="checkin__count-label">{label}</Text>
        </View>
      ))}
    </View>
  )
}

function Answer({ a }: { a: AnswerView | null }) {
  if (!a) return null
  return (
    <View className={`card checkin__answer checkin__answer--${a.tone}`} role="alert">
      <Text className="checkin__headline">
        {a.mark} {a.headline}
      </Text>
      {a.person ? <Text className="checkin__person">{a.person}</Text> : null}
      {a.detail ? <Text className="checkin__detail">（{a.detail}）</Text> : null}
    </View>
  )
}

function Scan({ c }: { c: Checkin }) {
  const on = c.camera === 'on' || c.camera === 'starting'
  const refused = c.camera === 'denied' ? CAMERA_DENIED : c.camera === 'unavailable' ? CAMERA_UNAVAILABLE : ''
  return (
    <View className="card checkin__way" role="group" aria-label="扫码签到">
      <Text className="row-card__title">扫码</Text>
      <Text className="ws__meta">请她打开“我的报名”里的电子票，把二维码对准摄像头。</Text>
      {/* The platform puts the camera's picture in here. */}
      <View id={CAMERA_HOST_ID} className="checkin__camera" />
      {refused ? <ErrorLine text={refused} /> : null}
      {on ? (
        <Button className="button button--ghost checkin__big" onClick={c.closeCamera} aria-label="关闭摄像头">
          关闭摄像头
        </Button>
      ) : (
        <Button
          className="button checkin__big"
          onClick={() => void c.openCamera()}
          aria-label={refused ? '再试一次打开摄像头' : '打开摄像头扫码'}
        >
          {refused ? '再试一次' : '打开摄像头扫码'}
        </Button>
      )}
    </View>
  )
}

function Code({ c }: { c: Checkin }) {
  return (
    <View className="card checkin__way" role="group" aria-label="输入入场码签到">
      <Text className="row-card__title">输入入场码</Text>
      <View className="ws__field">
        <Text className="ws__label">{CODE_LABEL}（6位，电子票上写着）</Text>
        <Input
          className="text-input checkin__code"
          value={c.code}
          aria-label={CODE_LABEL}
          nativeProps={{ 'aria-label': CODE_LABEL, autoCapitalize: 'characters', autoComplete: 'off' }}
          placeholder="例如 K7M Q2P"
          maxlength={7}
          onInput={(ev) => c.setCode(ev.detail.value)}
        />
        <ErrorLine text={c.codeError} />
      </View>
      <Button
        className="button checkin__big"
        disabled={c.busy}
        onClick={() => void c.submitCode()}
        aria-label="用入场码签到"
      >
        签到
      </Button>
    </View>
  )
}

function Search({ c }: { c: Checkin }) {
  const now = clock.now()
  return (
    <View className="card checkin__way" role="group" aria-label="搜索签到">
      <Text className="row-card__title">搜索</Text>
      <View className="ws__field">
        <Text className="ws__label">{QUERY_LABEL}</Text>
        <Input
          className="text-input"
          value={c.query}
          aria-label={QUERY_LABEL}
          nativeProps={{ 'aria-label': QUERY_LABEL }}
          placeholder="例如 王秀兰 或 8000"
          onInput={(ev) => c.setQuery(ev.detail.value)}
        />
        <ErrorLine text={c.searchError} />
      </View>
      <Button className="button button--ghost checkin__big" onClick={() => void c.search()} aria-label="搜索报名">
        搜索
      </Button>
      {c.rows?.map((row) => (
        <View key={row.id} className="checkin__row" role="group" aria-label={`${row.name} ${row.mobile}`}>
          <View className="checkin__row-who">
            <Text className="checkin__row-name">
              {row.name} {row.mobile}
            </Text>
            <Text className={`checkin__row-status checkin__row-status--${row.checkedInAt ? 'in' : row.status}`}>
              {rowStatus(row, now)}
            </Text>
            {row.status === 'confirmed' && !row.checkedInAt && !row.code ? (
              <Text className="ws__meta">这条报名没有入场码，请她出示电子票二维码。</Text>
            ) : null}
          </View>
          {canCheckInRow(row) ? (
            <Button
              className="button checkin__row-button"
              disabled={c.busy}
              onClick={() => void c.checkInRow(row)}
              aria-label={`给${row.name}签到`}
            >
              签到
            </Button>
          ) : null}
        </View>
      ))}
    </View>
  )
}
