// A labelled text field and the message under it, as both workspace editors draw them.
import { Input, Text, Textarea, View } from '@tarojs/components'
import './workspace.scss'

/** The message under a field or a form, read out as it appears; nothing when there is none. */
export function ErrorLine({ text }: { text?: string }) {
  return text ? (
    <View className="ws__error" role="alert">
      {text}
    </View>
  ) : null
}

export interface WorkspaceFieldProps {
  label: string
  value: string
  onInput: (value: string) => void
  /** The server's or the form's message for this field, shown under it. */
  error?: string
  placeholder?: string
  /** A text box of several lines instead of one line. */
  long?: boolean
  /** With `long`: a taller box, for a pasted article. */
  tall?: boolean
  type?: 'text' | 'number' | 'digit'
  readOnly?: boolean
}

export function WorkspaceField({
  label,
  value,
  onInput,
  error,
  placeholder,
  long,
  tall,
  type,
  readOnly,
}: WorkspaceFieldProps) {
  return (
    <View className="ws__field">
      <Text className="ws__label">{label}</Text>
      {/* Taro's H5 Input and Textarea wrap the real element: nativeProps carries the label to it. */}
      {long ? (
        <Textarea
          className={`text-input ws__textarea${tall ? ' ws__textarea--tall' : ''}`}
          value={value}
          aria-label={label}
          nativeProps={{ 'aria-label': label }}
          placeholder={placeholder}
          disabled={readOnly}
          maxlength={-1}
          onInput={(ev) => onInput(ev.detail.value)}
        />
      ) : (
        <Input
          className="text-input"
          value={value}
          type={type ?? 'text'}
          aria-label={label}
          nativeProps={{ 'aria-label': label }}
          placeholder={placeholder}
          disabled={readOnly}
          onInput={(ev) => onInput(ev.detail.value)}
        />
      )}
      <ErrorLine text={error} />
    </View>
  )
}
