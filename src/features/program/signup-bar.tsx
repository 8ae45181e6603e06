// The program page's sticky 报名 bar: the primary action stays in reach however far she scrolls
// (报名, or 加入候补 when the session she would take is full); a spacer keeps the page's end clear of it.
import { Button, Text, View } from '@tarojs/components'
import type { SignupAction } from '@/domain/session-order'

function hint(action: SignupAction): string {
  if (action.sessionId) return action.full ? '名额已满，可以排队候补' : '这个场次正在报名'
  return action.full
    ? `${action.takeable} 个场次名额已满，可以排队候补`
    : `${action.takeable} 个场次可报名，下一步选场次`
}

export function SignupBar({ action, onSignup }: { action: SignupAction; onSignup: (sessionId?: string) => void }) {
  return (
    <>
      <View className="signup-bar__spacer" />
      <View className="signup-bar" role="region" aria-label="报名">
        <Text className="signup-bar__hint">{hint(action)}</Text>
        <Button
          className="button signup-bar__button"
          onClick={() => onSignup(action.sessionId)}
          aria-label={action.full ? action.label : `${action.label}参加`}
        >
          {action.label}
        </Button>
      </View>
    </>
  )
}
