// Before 提交报名 on the first booking (H5 with a server): her mobile, 获取验证码 and the 6-digit code;
// once verified, one line saying which mobile is.
import { Button, Icon, Input, Text, View } from '@tarojs/components'
import { CODE_LENGTH } from '@/domain/verification'
import { numericInput } from '@/platform'
import { FieldError } from './field-control'
import { VERIFY_CODE_FIELD, VERIFY_MOBILE_FIELD, type MobileVerificationState } from './use-mobile-verification'

export function VerifyBlock({ verify, errors }: { verify: MobileVerificationState; errors: Record<string, string> }) {
  if (!verify.available) return null
  if (verify.verified) {
    return (
      <View className="card card--compact verify verify--done">
        <View className="verify__done">
          <Icon type="success_no_circle" size={18} color="currentColor" />
          <Text>已验证手机{verify.verified.mobile ? ` ${verify.verified.mobile}` : ''}</Text>
        </View>
      </View>
    )
  }
  const mobileError = errors[VERIFY_MOBILE_FIELD]
  const codeError = errors[VERIFY_CODE_FIELD]
  const sendLabel =
    verify.wait > 0
      ? `${verify.wait}秒后可重新获取`
      : verify.sending
        ? '正在发送…'
        : verify.sent
          ? '重新获取验证码'
          : '获取验证码'
  const sendOff = verify.sending || verify.wait > 0
  return (
    <View className="card card--compact verify" id="field-verify">
      <Text className="field__label">验证手机号</Text>
      <Text className="verify__why">
        为防止名额被恶意抢占，第一次报名需要验证手机号。验证一次，30天内报名都不用再验证。
      </Text>

      <View className={`verify__part ${mobileError ? 'verify__part--error' : ''}`} id={`field-${VERIFY_MOBILE_FIELD}`}>
        <Text className="verify__label">接收验证码的手机号</Text>
        <Input
          className="text-input"
          id={`input-${VERIFY_MOBILE_FIELD}`}
          {...numericInput('mobile')}
          value={verify.mobile}
          placeholder="请填写11位手机号"
          maxlength={20}
          onInput={(e) => verify.setMobile(e.detail.value)}
          aria-label="接收验证码的手机号"
        />
        <Text className="field__hint">替家里老人报名时，可以填你自己的手机号来接收验证码。</Text>
        {mobileError ? <FieldError message={mobileError} /> : null}
      </View>

      <Button
        className={`button button--ghost verify__send ${sendOff ? 'button--disabled' : ''}`}
        disabled={sendOff ? true : undefined}
        onClick={() => void verify.sendCode()}
        aria-label={sendLabel}
      >
        {sendLabel}
      </Button>
      {verify.sent ? (
        <View className="verify__sent" role="status">
          验证码已发到 {verify.sent.to}，{verify.sent.minutes}分钟内有效。
        </View>
      ) : null}

      <View className={`verify__part ${codeError ? 'verify__part--error' : ''}`} id={`field-${VERIFY_CODE_FIELD}`}>
        <Text className="verify__label">短信验证码</Text>
        <Input
          className="text-input verify__code"
          id={`input-${VERIFY_CODE_FIELD}`}
          {...numericInput('sms-code')}
          value={verify.code}
          placeholder="6位数字"
          maxlength={CODE_LENGTH}
          onInput={(e) => verify.setCode(e.detail.value)}
          aria-label="短信验证码"
        />
        <Text className="field__hint">填好后点下面的“提交报名”，会先验证再报名。</Text>
        {codeError ? <FieldError message={codeError} /> : null}
      </View>
    </View>
  )
}
