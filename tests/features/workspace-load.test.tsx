/** @jest-environment jsdom */
// The load both workspace pages share: the step they open on from the kept organizer session, who
// may change things, and what a 401 (session over, signed out) and a 403 (read-only) do.
import { act, renderHook } from '@testing-library/react'
import { EXPIRED_MESSAGE, SESSION_KEY, sessionStore } from '@/features/organizer/session'
import { SIGN_IN_FIRST, useWorkspaceLoad } from '@/features/workspace/use-workspace-load'
import { ApiError } from '@/services/api'
import { memoryStore } from '../support/memory-store'

const TOKEN = 'T'.repeat(43)

function signedIn(role: 'admin' | 'editor' | 'viewer' | null) {
  const kv = memoryStore()
  const session = sessionStore(kv)
  if (role) {
    session.write({
      token: TOKEN,
      account: {
        id: 1,
        login: `wudu-${role}`,
        displayName: '王芳',
        role,
        federation: { id: 'wudu-2020', name: '武都区妇联' },
      },
    })
  }
  return { kv, hook: renderHook(() => useWorkspaceLoad(session)) }
}

describe('useWorkspaceLoad', () => {
  it('opens signed out, with nothing to send, when no session is kept', () => {
    const { result } = signedIn(null).hook
    expect(result.current.load).toEqual({ step: 'signedOut', message: SIGN_IN_FIRST })
    expect(result.current.kept).toBeNull()
    expect(result.current.token).toBe('')
  })

  it('opens loading with the kept token; 编辑 may change things, 查看 only reads', () => {
    const editor = signedIn('editor').hook.result.current
    expect(editor.load).toEqual({ step: 'loading' })
    expect(editor.token).toBe(TOKEN)
    expect(editor.readOnly).toBe(false)
    expect(signedIn('viewer').hook.result.current.readOnly).toBe(true)
  })

  it('a 401 forgets the session and signs her out; the caller stops', () => {
    const { kv, hook } = signedIn('editor')
    let stop = false
    act(() => {
      stop = hook.result.current.ended(new ApiError('unauthorized', EXPIRED_MESSAGE))
    })
    expect(stop).toBe(true)
    expect(kv.data.has(SESSION_KEY)).toBe(false)
    expect(hook.result.current.load).toEqual({ step: 'signedOut', message: EXPIRED_MESSAGE })
  })

  it('a 403 makes the page read-only and keeps her signed in; other failures change neither', () => {
    const { kv, hook } = signedIn('admin')
    let stop = true
    act(() => {
      stop = hook.result.current.ended(new ApiError('network', '没有网络'))
    })
    expect(stop).toBe(false)
    expect(hook.result.current.readOnly).toBe(false)
    act(() => {
      stop = hook.result.current.ended(new ApiError('forbidden', '没有权限'))
    })
    expect(stop).toBe(false)
    expect(hook.result.current.readOnly).toBe(true)
    expect(hook.result.current.load).toEqual({ step: 'loading' })
    expect(kv.data.has(SESSION_KEY)).toBe(true)
  })

  it('is no longer alive once the page has closed', () => {
    const { hook } = signedIn('editor')
    const alive = hook.result.current.alive
    expect(alive.current).toBe(true)
    hook.unmount()
    expect(alive.current).toBe(false)
  })
})
