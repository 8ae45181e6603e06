// The persisted store survives garbage in storage and keeps working.
import { __reset, __setStorageFull, calls } from '../support/taro'
import Taro from '@tarojs/taro'

beforeEach(() => {
  __reset()
  jest.resetModules()
})

const load = () => require('@/store') as typeof import('@/store')

describe('app store persistence', () => {
  it('remembers 大字模式 across reloads', () => {
    load().useAppStore.getState().setLargeFont(true)
    const stored = JSON.parse(Taro.getStorageSync('jg.app'))
    expect(stored.state.largeFont).toBe(true)
    jest.resetModules()
    expect(load().useAppStore.getState().largeFont).toBe(true)
  })

  it.each(['not json at all', '{"state":{"largeFont":"yes"},"version":1}', '{"state":null,"version":0}', '[]'])(
    'starts with defaults when storage holds %s',
    (garbage) => {
      Taro.setStorageSync('jg.app', garbage)
      const { useAppStore } = load()
      expect(useAppStore.getState().largeFont).toBe(false)
      useAppStore.getState().setLargeFont(true)
      expect(useAppStore.getState().largeFont).toBe(true)
    },
  )

  const stored = () => JSON.parse(Taro.getStorageSync('jg.app')) as { state: unknown; version: number }

  it('migrates each older version step by step', () => {
    const { migrate } = load()
    // v1 stored only the 大字模式 switch; v2 added drafts.
    expect(migrate({ largeFont: true, removedField: 1 }, 1)).toEqual({ largeFont: true, drafts: {} })
    expect(migrate({ largeFont: true }, 0)).toEqual({ largeFont: true, drafts: {} })
    const v2 = { largeFont: false, drafts: { p: { answers: { name: '王芳' }, updatedAt: 't' } } }
    expect(migrate(v2, 2)).toBe(v2)
  })

  it('loads a v1 blob with its setting kept, and stores it back as v2', () => {
    Taro.setStorageSync('jg.app', JSON.stringify({ state: { largeFont: true }, version: 1 }))
    const { useAppStore } = load()
    expect(useAppStore.getState().largeFont).toBe(true)
    expect(useAppStore.getState().drafts).toEqual({})
    expect(stored()).toEqual({ state: { largeFont: true, drafts: {} }, version: 2 })
    expect(calls.toasts).toEqual([])
  })

  it('cleans garbage after migrating, not instead of it', () => {
    const { migrate, sanitizeState } = load()
    const migrated = migrate({ largeFont: 'yes', drafts: 'x' }, 1)
    expect(migrated).toEqual({ largeFont: 'yes', drafts: {} })
    expect(sanitizeState(migrated)).toEqual({ largeFont: false, drafts: {} })
    expect(sanitizeState(null)).toEqual({ largeFont: false, drafts: {} })
  })

  it.each([3, 99, -1, 1.5])('opens without trouble when a version %s blob is stored, keeping what reads', (version) => {
    const draft = { answers: { name: '王芳' }, updatedAt: 't' }
    Taro.setStorageSync(
      'jg.app',
      JSON.stringify({ state: { largeFont: true, drafts: { p: draft }, somethingNew: [1] }, version }),
    )
    const { useAppStore } = load()
    expect(useAppStore.getState().largeFont).toBe(true)
    expect(useAppStore.getState().drafts).toEqual({ p: draft })
    expect(calls.toasts).toEqual([])
    useAppStore.getState().setLargeFont(false)
    expect(stored()).toMatchObject({ state: { largeFont: false, drafts: { p: draft } }, version: 2 })
  })

  it('keeps readable drafts and drops only unreadable parts', () => {
    Taro.setStorageSync(
      'jg.app',
      JSON.stringify({
        state: {
          largeFont: true,
          drafts: {
            good: { answers: { name: '王芳', bad: { x: 1 }, skills: ['养老'] }, updatedAt: 't' },
            broken: 'nope',
          },
        },
        version: 2,
      }),
    )
    const s = load().useAppStore.getState()
    expect(s.largeFont).toBe(true)
    expect(s.drafts).toEqual({ good: { answers: { name: '王芳', skills: ['养老'] }, updatedAt: 't' } })
  })

  it('tells her when stored settings could not be read', () => {
    Taro.setStorageSync('jg.app', '{broken')
    load()
    expect(calls.toasts.some((t) => t.includes('没能读取'))).toBe(true)
  })

  it('tells her once when storage is full while typing, and keeps the state in memory', () => {
    const { useAppStore } = load()
    __setStorageFull(true)
    for (const v of ['王', '王芳', '王芳芳']) useAppStore.getState().setDraftField('p', 'name', v)
    expect(calls.toasts.filter((t) => t.includes('存储空间不足'))).toHaveLength(1)
    expect(useAppStore.getState().drafts.p.answers.name).toBe('王芳芳')
  })
})
