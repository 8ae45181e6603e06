// Stand-ins for @tarojs/components under jest: plain DOM elements with the same props.
import { createElement, type ReactNode } from 'react'

type Props = Record<string, unknown> & { children?: ReactNode; className?: string }

const make = (tag: string) =>
  function TaroStandIn({ children, className, ...rest }: Props) {
    const dom: Record<string, unknown> = { className }
    for (const [k, v] of Object.entries(rest)) {
      // Only handlers the DOM knows: WeChat-only events (onAgreePrivacyAuthorization…) are not passed on.
      if (
        k === 'onClick' ||
        k === 'onTouchStart' ||
        k === 'onTouchEnd' ||
        k.startsWith('aria-') ||
        k === 'role' ||
        k === 'style' ||
        k === 'disabled' ||
        k === 'id' ||
        k === 'src'
      )
        dom[k] = v
    }
    return createElement(tag, dom, children)
  }

export const View = make('div')
export const Text = make('span')
export const Button = make('button')
export const ScrollView = make('div')
export const Image = make('img')
/** WeUI's icon: its type is what a test reads (success, waiting, warn). */
export const Icon = ({ type, className }: { type: string; className?: string }) =>
  createElement('i', { className: `${className ?? ''} weui-icon-${type}`.trim(), 'data-icon': type })

export function Switch({
  checked,
  onChange,
}: {
  checked?: boolean
  onChange?: (e: { detail: { value: boolean } }) => void
}) {
  return createElement('input', {
    type: 'checkbox',
    role: 'switch',
    checked: Boolean(checked),
    onChange: (e: { target: { checked: boolean } }) => onChange?.({ detail: { value: e.target.checked } }),
  })
}

type InputProps = {
  value?: string
  placeholder?: string
  className?: string
  id?: string
  type?: string
  /** Taro's prop, the DOM's maxLength. */
  maxlength?: number
  /** H5 passes these to the <input> as they are (inputMode, autoComplete). */
  nativeProps?: Record<string, unknown>
  onInput?: (e: { detail: { value: string } }) => void
  'aria-label'?: string
}
const field = (tag: 'input' | 'textarea') =>
  function TaroInputStandIn({
    value,
    placeholder,
    className,
    id,
    type,
    maxlength,
    nativeProps,
    onInput,
    ...rest
  }: InputProps) {
    return createElement(tag, {
      ...nativeProps,
      maxLength: maxlength,
      value: value ?? '',
      placeholder,
      className,
      id,
      type,
      'aria-label': rest['aria-label'],
      onChange: (e: { target: { value: string } }) => onInput?.({ detail: { value: e.target.value } }),
    })
  }
export const Input = field('input')
export const Textarea = field('textarea')
