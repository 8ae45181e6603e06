/** @jest-environment jsdom */
import { fireEvent, render, screen } from '@testing-library/react'
import { DEMO_LABEL, DEMO_TEXT } from '@/components/demo-notice'
import { materializeSession } from '@/domain/sessions'
import type { Figure, SessionTemplate } from '@/domain/types'
import { ProgramView } from '@/features/program/program-view'
import type { ProgramDetail } from '@/services/api'

const NOW = new Date('2026-11-23T10:00:00+08:00') // a Monday

const template: SessionTemplate = {
  id: 's1',
  title: '入门班',
  startInDays: 12,
  startTime: '14:00',
  durationMinutes: 120,
  deadlineInDays: 3,
  online: false,
  place: '市妇女儿童中心',
  capacity: 40,
  taken: 28,
}

const likes: Figure = {
  id: 'f1',
  label: '直播带货点赞参与',
  value: '12.6万',
  unit: '人次',
  scope: 'year',
  quote: '直播带货点赞参与12.6万人次',
}

function detail(overrides: Partial<SessionTemplate>, figures: Figure[] = [likes], demo = true): ProgramDetail {
  return {
    program: {
      id: 'p1',
      title: '我为家乡直播带货',
      topic: '就业创业',
      summary: '手把手教你开直播。',
      audience: '想卖家乡农产品的妇女',
    },
    federation: { id: 'chengdu-2020', name: '成都市妇联', year: 2020 },
    color: '#C62828',
    figures,
    sessions: [materializeSession('p1', { ...template, ...overrides }, NOW, demo)],
  }
}

describe('program page body', () => {
  it('shows what it is, who it is for, and its past figures', () => {
    render(<ProgramView detail={detail({})} now={NOW} onSignup={() => undefined} onOpenFederation={() => undefined} />)
    expect(screen.getByText('手把手教你开直播。')).toBeTruthy()
    expect(screen.getByText('想卖家乡农产品的妇女')).toBeTruthy()
    expect(screen.getByLabelText('直播带货点赞参与：12.6万人次')).toBeTruthy()
    expect(screen.getByText('2020年成效')).toBeTruthy()
  })

  it('never puts a total under a "2020年成效" heading, and labels it', () => {
    const total: Figure = {
      ...likes,
      id: 'f2',
      label: '培训妇女',
      value: '5200余',
      scope: 'total',
      scopeLabel: '截至目前',
    }
    render(
      <ProgramView
        detail={detail({}, [likes, total])}
        now={NOW}
        onSignup={() => undefined}
        onOpenFederation={() => undefined}
      />,
    )
    expect(screen.queryByText('2020年成效')).toBeNull()
    expect(screen.getByText('项目成效')).toBeTruthy()
    expect(screen.getByLabelText('培训妇女（截至目前）：5200余人次').textContent).toContain('截至目前')
    expect(screen.getByLabelText('直播带货点赞参与：12.6万人次').textContent).not.toContain('截至目前')
  })

  it.each([
    ['open', {}, '报名', '剩余 12 个名额 · 还剩3天截止', true],
    ['waitlist when full', { taken: 40 }, '候补', '名额已满，可排队候补 · 还剩3天截止', true],
    ['closed after the deadline', { deadlineInDays: -1 }, '已截止', '报名已截止', false],
    ['not yet open', { signupOpensInDays: 2 }, '未开始', '11月25日 09:00 开始报名', false],
  ] as const)('%s', (_what, overrides, label, hint, enabled) => {
    const onSignup = jest.fn()
    render(<ProgramView detail={detail(overrides)} now={NOW} onSignup={onSignup} onOpenFederation={() => undefined} />)
    expect(screen.getByText('12月5日 周六 14:00')).toBeTruthy()
    expect(screen.getByText('市妇女儿童中心')).toBeTruthy()
    expect(screen.getByText(/^共 40 个，已报 (28|40) 个$/)).toBeTruthy()
    expect(screen.getByText(hint)).toBeTruthy()
    const button = screen.getByLabelText(`入门班：${label}`)
    expect(button.textContent).toBe(label)
    fireEvent.click(button)
    expect(onSignup).toHaveBeenCalledTimes(enabled ? 1 : 0)
    if (enabled) expect(onSignup).toHaveBeenCalledWith('s1')
  })

  it.each([
    ['says demo sessions are demo, above them and on each', true],
    ['does not call real sessions demo', false],
  ])('%s', (_what, demo) => {
    render(
      <ProgramView
        detail={detail({}, [likes], demo)}
        now={NOW}
        onSignup={() => undefined}
        onOpenFederation={() => undefined}
      />,
    )
    expect(screen.queryByText(DEMO_TEXT) !== null).toBe(demo)
    // The session's badge; the banner says it in one line of its own.
    expect(screen.queryAllByText(DEMO_LABEL)).toHaveLength(demo ? 1 : 0)
    expect(screen.getByText('入门班')).toBeTruthy()
  })

  it.each([
    ['an open session sends her on to sign up', {}, true],
    ['a session past its deadline does not', { deadlineInDays: -1 }, false],
    ['a session not yet open does not', { signupOpensInDays: 2 }, false],
  ] as const)('opened from Moments: %s', (_what, overrides, offered) => {
    render(
      <ProgramView
        detail={detail(overrides)}
        now={NOW}
        signupAvailable={false}
        onSignup={() => undefined}
        onOpenFederation={() => undefined}
      />,
    )
    expect(screen.queryByLabelText(/^入门班：/)).toBeNull()
    expect(screen.queryByText('前往小程序报名') !== null).toBe(offered)
  })

  it('says when a session is online', () => {
    render(
      <ProgramView
        detail={detail({ online: true, place: undefined })}
        now={NOW}
        onSignup={() => undefined}
        onOpenFederation={() => undefined}
      />,
    )
    expect(screen.getByText('线上（报名后发送参加方式）')).toBeTruthy()
  })
})
