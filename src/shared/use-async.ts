// Loads something asynchronously and exposes loading / error / ready, with a reload.
import { useCallback, useEffect, useRef, useState } from 'react'

export type AsyncState<T> = { status: 'loading' } | { status: 'error'; message: string } | { status: 'ready'; data: T }

export type AsyncResource<T> = AsyncState<T> & { reload: () => Promise<void> }

const messageOf = (e: unknown) => (e instanceof Error && e.message ? e.message : '加载失败，请稍后重试')

export function useAsync<T>(load: () => Promise<T>, deps: readonly unknown[]): AsyncResource<T> {
  const [state, setState] = useState<AsyncState<T>>({ status: 'loading' })
  const latest = useRef(0)
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const run = useCallback(load, deps)

  const reload = useCallback(async () => {
    const ticket = ++latest.current
    setState((s) => (s.status === 'ready' ? s : { status: 'loading' }))
    try {
      const data = await run()
      if (ticket === latest.current) setState({ status: 'ready', data })
    } catch (e) {
      if (ticket === latest.current) setState({ status: 'error', message: messageOf(e) })
    }
  }, [run])

  useEffect(() => {
    setState({ status: 'loading' })
    void reload()
  }, [reload])

  return { ...state, reload }
}
