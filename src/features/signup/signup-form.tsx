// The sign-up form page body: program header, error summary, the declared fields, consent and submit.
import { Button, Text, View } from '@tarojs/components'
import { DemoNotice } from '@/components/demo-notice'
import { ErrorState, Skeleton } from '@/components/state-view'
import { FAMILY_NOTE } from '@/domain/family'
import { signupState } from '@/domain/sessions'
import { switchTab } from '@/platform'
import { routes } from '@/routes'
import { pressable } from '@/shared/pressable'
import { FieldControl, FieldError } from './field-control'
import { CONSENT_FIELD, type SignupFormState } from './use-signup-form'
import { VerifyBlock } from './verify-block'
import './signup-form.scss'

export function SignupForm({
  form,
  now,
  onOpenPrivacy,
}: {
  form: SignupFormState
  now: Date
  onOpenPrivacy: () => void
}) {
  const { program } = form
  if (program.status === 'loading') return <Skeleton blocks={2} label="正在加载报名表" />
  if (program.status === 'error') return <ErrorState message={program.message} onRetry={() => void program.reload()} />
  const { program: p, federation, sessions } = program.data
  if (!p.signup) {
    return (
      <View className="state">
        <Text className="state__title">这个项目不需要报名</Text>
      </View>
    )
  }
  const open = form.selectable.length > 0
  // A full session takes her onto the waitlist: the button says so, and looks different.
  const chosen = sessions.find((s) => s.id === form.answers.session)
  const wait = !!chosen && signupState(chosen, now) === 'waitlist'
  const submitLabel = wait ? '加入候补' : '提交报名'
  const off = form.submitting || !open
  const submit = () => void form.submit()
  const openMine = () => switchTab(routes.mine)
  return (
    <View className="signup">
      <View className="signup__head">
        <Text className="signup__org">{federation.name}</Text>
        <Text className="signup__title">{p.title}</Text>
        <Text className="signup__note">填写约需1分钟。带“必填”的都要填，其他可不填。</Text>
        <Text className="signup__family">{FAMILY_NOTE}</Text>
      </View>

      {sessions.some((s) => s.demo) ? <DemoNotice variant="banner" /> : null}

      {form.summary.length ? (
        <View className="signup__summary" role="alert">
          <Text className="signup__summary-title">
            {form.summary.length > 1 ? `有 ${form.summary.length} 处需要修改：` : '需要修改：'}
          </Text>
          {form.summary.map((m, i) => (
            <Text key={i} className="signup__summary-item">
              · {m}
            </Text>
          ))}
        </View>
      ) : null}

      {!open ? (
        <View className="signup__summary" role="alert">
          <Text>这个项目暂时没有可以报名的场次。</Text>
        </View>
      ) : null}

      {p.signup.form.map((f) => (
        <FieldControl
          key={f.id}
          field={f}
          value={form.answers[f.id]}
          error={form.errors[f.id]}
          sessions={sessions}
          now={now}
          onChange={(v) => form.setField(f.id, v)}
          errorAction={
            form.duplicate && form.errors[f.id] ? (
              <View className="field__error-link" onClick={openMine} role="link" {...pressable(openMine)}>
                查看我的报名
              </View>
            ) : undefined
          }
        />
      ))}

      <View
        className={`card card--compact consent ${form.errors[CONSENT_FIELD] ? 'field--error' : ''}`}
        id={`field-${CONSENT_FIELD}`}
      >
        <View
          className={`consent__row ${form.consent ? 'consent__row--on' : ''}`}
          onClick={form.toggleConsent}
          role="checkbox"
          aria-checked={form.consent}
          aria-label="我已阅读并同意隐私说明"
          {...pressable(form.toggleConsent)}
        >
          <View className="choice__mark choice__mark--box" aria-hidden="true" />
          <Text className="consent__text">我已阅读并同意</Text>
        </View>
        <View className="consent__link" onClick={onOpenPrivacy} role="link" {...pressable(onOpenPrivacy)}>
          《隐私说明》
        </View>
        <Text className="consent__why">姓名和手机号只用于联系你参加本次活动。</Text>
        {form.errors[CONSENT_FIELD] ? <FieldError message={form.errors[CONSENT_FIELD]} /> : null}
      </View>

      <VerifyBlock verify={form.verify} errors={form.errors} />

      <Button
        className={`button signup__submit ${wait ? 'signup__submit--wait' : ''} ${off ? 'button--disabled' : ''}`}
        disabled={off ? true : undefined}
        onClick={submit}
        aria-label={submitLabel}
        {...pressable(off ? undefined : submit)}
      >
        {form.submitting ? '正在提交…' : submitLabel}
      </Button>
      {wait ? <Text className="signup__wait-note">这个场次已满。加入候补后，有人取消时按顺序为您补上。</Text> : null}
      <Text className="signup__saved">填写的内容会自动保存在本机，离开后回来还在。</Text>
    </View>
  )
}
