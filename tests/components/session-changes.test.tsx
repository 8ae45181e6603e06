/** @jest-environment jsdom */
// A session moved or cancelled by its organizer (server mode) is said so on 我的报名, on the
// sign-up's detail and on the program page.
import { render, screen } from '@testing-library/react'
import { materializeSession } from '@/domain/sessions'
import { SignupList } from '@/features/mine/signup-list'
import { ProgramView } from '@/features/program/program-view'
import { SignupSummary } from '@/features/signup/signup-summary'
import type { ProgramDetail, Signup } from '@/services/api'
import type { AsyncResource } from '@/shared/use-async'

const NOW = new Date('2026-11-23T10:00:00+08:00')

const signup = (over: Partial<Signup>): Signup => ({
  id: 'su-1',
  programId: 'p1',
  programTitle: '家政技能培训',
  federationName: '武都区妇联',
  sessionId: 's1',
  sessionTitle: '母婴护理班',
  sessionStart: '2026-12-03T14:00:00+08:00',
  online: false,
  place: '某某镇文化站（示例地点）',
  status: 'confirmed',
  demo: false,
  name: '王芳',
  mobile: '13800138000',
  createdAt: '2026-11-23T10:00:00+08:00',
  ...over,
})

const ready = (data: Signup[]): AsyncResource<Signup[]> =>
  ({ status: 'ready', data, reload: async () => undefined }) as unknown as AsyncResource<Signup[]>

describe('我的报名', () => {
  it('marks a changed session 已变更 beside its new time, and a cancelled one 场次已取消 with the reason', () => {
    render(
      <SignupList
        state={ready([
          signup({ id: 'a', sessionChanged: true }),
          signup({ id: 'b', programTitle: '两癌筛查', sessionCancelled: { reason: '天气原因' } }),
        ])}
        now={NOW}
        onOpen={() => undefined}
      />,
    )
    expect(screen.getByText('已变更', { exact: false })).toBeTruthy()
    expect(screen.getByText('场次已取消').className).toContain('status--cancelled')
    expect(screen.getByText('取消原因：天气原因')).toBeTruthy()
    expect(screen.getAllByText('已报名')).toHaveLength(1)
  })

  it('says nothing of a change when there was none', () => {
    render(<SignupList state={ready([signup({})])} now={NOW} onOpen={() => undefined} />)
    expect(screen.queryByText('已变更', { exact: false })).toBeNull()
    expect(screen.queryByText('取消原因', { exact: false })).toBeNull()
  })
})

describe('sign-up detail', () => {
  it('shows the new time and place with 已变更', () => {
    render(<SignupSummary signup={signup({ sessionChanged: true })} now={NOW} />)
    expect(screen.getByText('12月3日 周四 14:00（已变更）')).toBeTruthy()
    expect(screen.getByText('某某镇文化站（示例地点）（已变更）')).toBeTruthy()
  })

  it('shows 场次已取消 and the reason', () => {
    render(<SignupSummary signup={signup({ sessionCancelled: { reason: '天气原因，改期另行通知' } })} now={NOW} />)
    expect(screen.getByText('场次已取消')).toBeTruthy()
    expect(screen.getByText('天气原因，改期另行通知')).toBeTruthy()
  })
})

describe('program page', () => {
  it('shows a cancelled session closed, with the reason', () => {
    const session = materializeSession(
      'p1',
      {
        id: 's1',
        title: '入门班',
        startInDays: 12,
        startTime: '14:00',
        durationMinutes: 120,
        deadlineInDays: 3,
        online: false,
        place: '市妇女儿童中心',
        capacity: 40,
        taken: 2,
      },
      NOW,
      false,
    )
    const detail: ProgramDetail = {
      program: { id: 'p1', title: '直播带货', topic: '就业创业', summary: 's', audience: 'a' },
      federation: { id: 'f', name: '成都市妇联', year: 2020 },
      color: '#C62828',
      figures: [],
      sessions: [{ ...session, cancelled: { reason: '场地维修' } }],
    }
    render(<ProgramView detail={detail} now={NOW} onSignup={() => undefined} onOpenFederation={() => undefined} />)
    expect(screen.getByText('场次已取消 场地维修')).toBeTruthy()
    expect(screen.getByLabelText('入门班：已截止')).toBeTruthy()
  })
})
