// The card editor's 封面图片: her federation's cover as the server has it, a photo chosen and sent
// with its progress, 更换 and 删除. It takes effect on the public card at once (it is not part of
// the draft), so each step says so when it is done.
import { useCallback, useEffect, useRef, useState } from 'react'
import { COVER_MESSAGES, coverFileProblem, type CoverRef } from '@/domain/cover'
import type { PickedImage } from '@/platform/types'
import type { WorkspaceApi } from '@/services/workspace'
import { messageOf } from '../organizer/session'

export type CoverStep = 'loading' | 'idle' | 'choosing' | 'uploading' | 'removing'

export interface CoverDeps {
  api: WorkspaceApi | null
  token: string
  readOnly: boolean
  /** Whether the editor has loaded: the cover is asked for after the card, with the same session. */
  ready: boolean
  choose: () => Promise<PickedImage | null>
  /** A 401 or 403 from the server: true when the page has dealt with it (signed out). */
  ended: (e: unknown) => boolean
}

export const COVER_DONE = {
  uploaded: '封面图片已更新，公开的卡片和报告马上就会用上',
  removed: '已删除封面图片，卡片恢复为只用主题色',
} as const

export function useCover({ api, token, readOnly, ready, choose, ended }: CoverDeps) {
  const [cover, setCover] = useState<CoverRef | null>(null)
  const [step, setStep] = useState<CoverStep>('loading')
  const [progress, setProgress] = useState(0)
  const [preview, setPreview] = useState<string | null>(null)
  const [error, setError] = useState('')
  const [done, setDone] = useState('')
  const alive = useRef(true)
  useEffect(
    () => () => {
      alive.current = false
    },
    [],
  )

  useEffect(() => {
    if (!api || !ready) return
    api.cover(token).then(
      (c) => {
        if (!alive.current) return
        setCover(c)
        setStep('idle')
      },
      (e: unknown) => {
        if (!alive.current || ended(e)) return
        setError(messageOf(e))
        setStep('idle')
      },
    )
  }, [api, token, ready, ended])

  const pick = useCallback(async () => {
    if (!api || readOnly) return
    setError('')
    setDone('')
    setStep('choosing')
    const image = await choose().catch(() => null)
    if (!alive.current) return
    if (!image) return setStep('idle')
    // Refused here before her data is spent on it; the server checks again.
    const problem = coverFileProblem(image.size)
    if (problem) {
      setError(problem)
      return setStep('idle')
    }
    setPreview(image.path)
    setProgress(0)
    setStep('uploading')
    try {
      const made = await api.uploadCover(token, image, (f) => alive.current && setProgress(f))
      if (!alive.current) return
      setCover(made)
      setDone(COVER_DONE.uploaded)
    } catch (e) {
      if (!alive.current || ended(e)) return
      setError(messageOf(e))
    } finally {
      if (alive.current) {
        setPreview(null)
        setStep('idle')
      }
    }
  }, [api, token, readOnly, choose, ended])

  const remove = useCallback(async () => {
    if (!api || readOnly) return
    setError('')
    setDone('')
    setStep('removing')
    try {
      await api.removeCover(token)
      if (!alive.current) return
      setCover(null)
      setDone(COVER_DONE.removed)
    } catch (e) {
      if (!alive.current || ended(e)) return
      setError(messageOf(e))
    } finally {
      if (alive.current) setStep('idle')
    }
  }, [api, token, readOnly, ended])

  return {
    /** false in the built-in mode: there is no server to keep a cover. */
    available: api !== null,
    note: api ? undefined : COVER_MESSAGES.needsServer,
    cover,
    step,
    progress,
    preview,
    error,
    done,
    readOnly,
    pick,
    remove,
  }
}

export type CoverEditor = ReturnType<typeof useCover>
