// What a workspace page shows until it has loaded: no server to ask, not signed in (去登录), a load
// that failed (重试), or the skeleton while it loads.
import { Button, View } from '@tarojs/components'
import { BuiltInNotice } from '@/components/demo-notice/built-in'
import { Skeleton } from '@/components/state-view'
import { navigateTo } from '@/platform'
import { routes } from '@/routes'
import type { Load } from './use-workspace-load'
import './workspace.scss'

export interface WorkspaceGateProps {
  /** false when the app runs on its built-in data: there is no server to ask. */
  connected: boolean
  load: Load
  /** The page, as in "演示版本里没有卡片编辑". */
  what: string
  /** The skeleton's label while the page loads. */
  loading: string
  onRetry: () => void
}

export function WorkspaceGate({ connected, load, what, loading, onRetry }: WorkspaceGateProps) {
  if (!connected) {
    return <BuiltInNotice what={what} />
  }
  if (load.step === 'signedOut' || load.step === 'error') {
    const signedOut = load.step === 'signedOut'
    return (
      <View className="card ws__panel">
        <View className="ws__error" role="alert">
          {load.message}
        </View>
        {signedOut ? (
          <Button className="button" onClick={() => navigateTo(routes.organizer)} aria-label="去登录">
            去登录
          </Button>
        ) : (
          <Button className="button button--ghost" onClick={onRetry} aria-label="重试">
            重试
          </Button>
        )}
      </View>
    )
  }
  return <Skeleton blocks={3} label={loading} />
}
