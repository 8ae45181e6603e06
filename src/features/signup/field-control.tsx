// One form field, by its declared type: big inputs and big tap targets, error text beside it.
import { Icon, Input, Text, Textarea, View } from '@tarojs/components'
import type { ReactNode } from 'react'
import { SIGNUP_STATE_LABEL, seatsLeft, signupState } from '@/domain/sessions'
import type { FormField, Session } from '@/domain/types'
import { clipChars, maxChars } from '@/domain/text-limits'
import { charCount } from '@/domain/validation'
import { numericInput, type NumericInput } from '@/platform'
import { pressable } from '@/shared/pressable'
import type { DraftValue } from '@/store'
import { formatSessionTime } from '@/utils/date'

interface Props {
  field: FormField
  value: DraftValue | undefined
  error?: string
  sessions: Session[]
  now: Date
  onChange: (value: DraftValue) => void
  /** Beside the message: where to go about it (a duplicate points to 我的报名). */
  errorAction?: ReactNode
}

/** Room for a mobile typed with spaces, dashes or +86 before the validator normalises it. */
const NUMBER_MAX = 20

/**
 * What an online session tells her before she signs up: the way in comes from the organizer (the
 * app shows no meeting link), and with a server the day-before notice repeats the time.
 */
export const ONLINE_JOIN_NOTE = '线上参加：会议号或链接由主办方在开课前另行告诉您，请留意主办方的电话或短信。'

/** An option: a radio (one of a list) or a checkbox (one of several, or a yes/no), drawn by CSS. */
export function Choice({
  label,
  on,
  onTap,
  disabled,
  hint,
  multiple,
}: {
  label: string
  on: boolean
  onTap: () => void
  disabled?: boolean
  hint?: string
  multiple?: boolean
}) {
  return (
    <View
      className={`choice ${on ? 'choice--on' : ''} ${disabled ? 'choice--disabled' : ''}`}
      onClick={disabled ? undefined : onTap}
      role={multiple ? 'checkbox' : 'radio'}
      aria-checked={on}
      aria-disabled={disabled}
      aria-label={hint ? `${label}，${hint}` : label}
      {...pressable(disabled ? undefined : onTap)}
    >
      <View className={`choice__mark ${multiple ? 'choice__mark--box' : ''}`} aria-hidden="true" />
      <Text className="choice__label">{label}</Text>
      {hint ? <Text className="choice__hint">{hint}</Text> : null}
    </View>
  )
}

/**
 * The real <input> on H5 takes its name from nativeProps, beside the keypad's inputmode. Only on
 * H5: on weapp a fresh nativeProps object each render would go to the page with every keystroke.
 */
const labelled = (n: NumericInput, label: string): NumericInput =>
  process.env.TARO_ENV === 'h5' ? { ...n, nativeProps: { ...n.nativeProps, 'aria-label': label } } : n

/** 12/20 under a field that stops at a length: counted as the validator counts. */
function Counter({ value, max }: { value: string; max: number }) {
  const n = charCount(value)
  return (
    <Text className={`field__count ${n >= max ? 'field__count--full' : ''}`} aria-live="polite">
      {n}/{max}
      {n >= max ? '，已到字数上限' : ''}
    </Text>
  )
}

function SessionChoices({
  sessions,
  value,
  now,
  onChange,
}: {
  sessions: Session[]
  value?: string
  now: Date
  onChange: (v: string) => void
}) {
  return (
    <View role="radiogroup" aria-label="场次">
      {sessions.map((s) => {
        const state = signupState(s, now)
        const hint =
          state === 'open'
            ? `剩余${seatsLeft(s)}个名额`
            : state === 'waitlist'
              ? '已满，可候补'
              : SIGNUP_STATE_LABEL[state]
        return (
          <Choice
            key={s.id}
            label={`${s.title} · ${formatSessionTime(s.start)}`}
            hint={hint}
            on={value === s.id}
            disabled={state === 'closed' || state === 'notYet'}
            onTap={() => onChange(s.id)}
          />
        )
      })}
      {sessions.some((s) => s.online) ? <Text className="field__hint">{ONLINE_JOIN_NOTE}</Text> : null}
    </View>
  )
}

export function FieldControl({ field, value, error, sessions, now, onChange, errorAction }: Props) {
  const str = typeof value === 'string' ? value : ''
  const list = Array.isArray(value) ? value : []
  // Typed text stops at the validator's limit; the input's own maxlength counts UTF-16 units, so it
  // is set twice as high and the text is cut here, a rare character counting as one.
  const max = maxChars(field)
  const typed = (v: string) => onChange(max ? clipChars(v, max) : v)
  let control
  switch (field.type) {
    case 'text':
    case 'mobile':
    case 'number':
      control = (
        <Input
          className={`text-input field__input--${field.type}`}
          id={`input-${field.id}`}
          {...(field.type === 'text'
            ? labelled({ type: 'text' }, field.label)
            : labelled(numericInput(field.type), field.label))}
          value={str}
          placeholder={field.placeholder ?? `请填写${field.label}`}
          maxlength={max ? max * 2 : NUMBER_MAX}
          onInput={(e) => typed(e.detail.value)}
          aria-label={field.label}
        />
      )
      break
    case 'textarea':
      control = (
        <Textarea
          className="text-input field__textarea"
          value={str}
          placeholder={field.placeholder ?? `请填写${field.label}`}
          maxlength={max ? max * 2 : -1}
          autoHeight
          onInput={(e) => typed(e.detail.value)}
          aria-label={field.label}
          nativeProps={labelled({ type: 'text' }, field.label).nativeProps}
        />
      )
      break
    case 'region':
      if (!field.options)
        return (
          <FieldControl
            field={{ ...field, type: 'text' }}
            value={value}
            error={error}
            sessions={sessions}
            now={now}
            onChange={onChange}
          />
        )
      control = (
        <View className="choices choices--grid" role="radiogroup" aria-label={field.label}>
          {field.options.map((o) => (
            <Choice key={o} label={o} on={str === o} onTap={() => onChange(o)} />
          ))}
        </View>
      )
      break
    case 'single':
      control = (
        <View className="choices" role="radiogroup" aria-label={field.label}>
          {(field.options ?? []).map((o) => (
            <Choice key={o} label={o} on={str === o} onTap={() => onChange(o)} />
          ))}
        </View>
      )
      break
    case 'multi':
      control = (
        <View className="choices" role="group" aria-label={field.label}>
          {(field.options ?? []).map((o) => (
            <Choice
              key={o}
              multiple
              label={o}
              on={list.includes(o)}
              onTap={() => onChange(list.includes(o) ? list.filter((x) => x !== o) : [...list, o])}
            />
          ))}
        </View>
      )
      break
    case 'session':
      control = <SessionChoices sessions={sessions} value={str || undefined} now={now} onChange={onChange} />
      break
    case 'checkbox':
      control = <Choice multiple label={field.label} on={value === true} onTap={() => onChange(value !== true)} />
      break
  }
  return (
    <View className={`card card--compact ${error ? 'field--error' : ''}`} id={`field-${field.id}`}>
      {field.type === 'checkbox' ? null : (
        <Text className="field__label">
          {field.label}
          {field.required ? <Text className="field__required">（必填）</Text> : null}
          {field.type === 'multi' ? <Text className="field__required">（可多选）</Text> : null}
        </Text>
      )}
      {control}
      {max ? <Counter value={str} max={max} /> : null}
      {field.hint ? <Text className="field__hint">{field.hint}</Text> : null}
      {error ? <FieldError message={error}>{errorAction}</FieldError> : null}
    </View>
  )
}

/** A field's message, with WeUI's warn icon (no emoji). */
export function FieldError({ message, children }: { message: string; children?: ReactNode }) {
  return (
    <View className="field__error" role="alert">
      <Icon className="field__error-icon" type="warn" size={16} color="currentColor" />
      <Text>{message}</Text>
      {children}
    </View>
  )
}
