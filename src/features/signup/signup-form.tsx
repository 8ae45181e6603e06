// The sign-up form page body: program header, error summary, the declared fields, consent and submit.
import { Button, Text, View } from '@tarojs/components'
import { DemoNotice } from '@/components/demo-notice'
import { ErrorState, Skeleton } from '@/components/state-view'
import { FieldControl } from './field-control'
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
  return (
    <View className="signup">
      <View className="signup__head">
        <Text className="signup__org">{federation.name}</Text>
        <Text className="signup__title">{p.title}</Text>
        <Text className="signup__note">填写约需1分钟。带“必填”的都要填，其他可不填。</Text>
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
        />
      ))}

      <View
        className={`card card--compact consent ${form.errors[CONSENT_FIELD] ? 'field--error' : ''}`}
        id={`field-${CONSENT_FIELD}`}
      >
        <View
          className="consent__row"
          onClick={form.toggleConsent}
          role="checkbox"
          aria-checked={form.consent}
          aria-label="我已阅读并同意隐私说明"
        >
          <Text className="consent__box">{form.consent ? '☑' : '☐'}</Text>
          <Text className="consent__text">我已阅读并同意</Text>
        </View>
        <View className="consent__link" onClick={onOpenPrivacy} role="link">
          《隐私说明》
        </View>
        <Text className="consent__why">姓名和手机号只用于联系你参加本次活动。</Text>
        {form.errors[CONSENT_FIELD] ? (
          <View className="field__error" role="alert">
            ⚠ {form.errors[CONSENT_FIELD]}
          </View>
        ) : null}
      </View>

      <VerifyBlock verify={form.verify} errors={form.errors} />

      <Button
        className={`button signup__submit ${form.submitting || !open ? 'button--disabled' : ''}`}
        disabled={form.submitting || !open ? true : undefined}
        onClick={() => void form.submit()}
        aria-label="提交报名"
      >
        {form.submitting ? '正在提交…' : '提交报名'}
      </Button>
      <Text className="signup__saved">填写的内容会自动保存在本机，离开后回来还在。</Text>
    </View>
  )
}
