// The persisted store survives garbage in storage and keeps working.
import { __reset } from '../support/taro'
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

  it('migrates an older version', () => {
    expect(load().migrate({ largeFont: true, removedField: 1 }, 0)).toEqual({ largeFont: true })
  })
})
