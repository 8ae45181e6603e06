// One form field, by its declared type: big inputs and big tap targets, error text beside it.
import { Input, Text, Textarea, View } from '@tarojs/components'
import { SIGNUP_STATE_LABEL, seatsLeft, signupState } from '@/domain/sessions'
import type { FormField, Session } from '@/domain/types'
import { numericInput } from '@/platform'
import type { DraftValue } from '@/store'
import { formatSessionTime } from '@/utils/date'

interface Props {
  field: FormField
  value: DraftValue | undefined
  error?: string
  sessions: Session[]
  now: Date
  onChange: (value: DraftValue) => void
}

/** Plenty of room: long input is answered by a message, never cut off silently. */
const INPUT_MAX = 400

function Choice({
  label,
  on,
  onTap,
  disabled,
  hint,
}: {
  label: string
  on: boolean
  onTap: () => void
  disabled?: boolean
  hint?: string
}) {
  return (
    <View
      className={`choice ${on ? 'choice--on' : ''} ${disabled ? 'choice--disabled' : ''}`}
      onClick={disabled ? undefined : onTap}
      role="button"
      aria-pressed={on}
      aria-disabled={disabled}
      aria-label={hint ? `${label}，${hint}` : label}
    >
      <Text className="choice__mark">{on ? '●' : '○'}</Text>
      <Text className="choice__label">{label}</Text>
      {hint ? <Text className="choice__hint">{hint}</Text> : null}
    </View>
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
    <View>
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
    </View>
  )
}

export function FieldControl({ field, value, error, sessions, now, onChange }: Props) {
  const str = typeof value === 'string' ? value : ''
  const list = Array.isArray(value) ? value : []
  let control
  switch (field.type) {
    case 'text':
    case 'mobile':
    case 'number':
      control = (
        <Input
          className={`text-input field__input--${field.type}`}
          id={`input-${field.id}`}
          {...(field.type === 'text' ? { type: 'text' } : numericInput(field.type))}
          value={str}
          placeholder={field.placeholder ?? `请填写${field.label}`}
          maxlength={INPUT_MAX}
          onInput={(e) => onChange(e.detail.value)}
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
          maxlength={INPUT_MAX}
          autoHeight
          onInput={(e) => onChange(e.detail.value)}
          aria-label={field.label}
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
        <View className="choices choices--grid">
          {field.options.map((o) => (
            <Choice key={o} label={o} on={str === o} onTap={() => onChange(o)} />
          ))}
        </View>
      )
      break
    case 'single':
      control = (
        <View className="choices">
          {(field.options ?? []).map((o) => (
            <Choice key={o} label={o} on={str === o} onTap={() => onChange(o)} />
          ))}
        </View>
      )
      break
    case 'multi':
      control = (
        <View className="choices">
          {(field.options ?? []).map((o) => (
            <Choice
              key={o}
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
      control = <Choice label={field.label} on={value === true} onTap={() => onChange(value !== true)} />
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
      {field.hint ? <Text className="field__hint">{field.hint}</Text> : null}
      {error ? (
        <View className="field__error" role="alert">
          ⚠ {error}
        </View>
      ) : null}
    </View>
  )
}
