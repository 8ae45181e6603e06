// What the organizer pages say in a build on the built-in data: there is no server to sign in to.
import { EmptyState } from '@/components/state-view'
import { isWeapp } from '@/platform'

/** `what`: the page, as in "现场签到需要连接报名服务器". */
export function NeedsServer({ what }: { what: string }) {
  return (
    <EmptyState
      title={`${what}需要连接报名服务器`}
      text={
        isWeapp
          ? '现在用的是内置演示数据，没有真实报名。小程序要用 TARO_APP_API_BASE 指向报名服务器重新构建后才能使用这里。'
          : '现在用的是内置演示数据，没有真实报名。用 npm run dev:full 启动服务器和网页后再打开这里。'
      }
    />
  )
}
