/** @jest-environment jsdom */
// The labelled field both workspace editors use: one line or a text box (taller for a pasted
// article), what she types handed on, and the message under it read out as it appears.
import { fireEvent, render, screen } from '@testing-library/react'
import { ErrorLine, WorkspaceField } from '@/features/workspace/field'

describe('WorkspaceField', () => {
  it('is one labelled line, hands on what she types and shows no message when there is none', () => {
    const onInput = jest.fn()
    render(<WorkspaceField label="名额" value="30" type="number" onInput={onInput} />)
    const input = screen.getByLabelText('名额') as HTMLInputElement
    expect(input.tagName).toBe('INPUT')
    expect(input.value).toBe('30')
    expect(input.type).toBe('number')
    expect(screen.getByText('名额').className).toBe('ws__label')
    fireEvent.change(input, { target: { value: '40' } })
    expect(onInput).toHaveBeenCalledWith('40')
    expect(screen.queryByRole('alert')).toBeNull()
  })

  it('is a text box when long, a taller one when tall too', () => {
    render(
      <>
        <WorkspaceField label="项目简介" value="" long onInput={() => undefined} />
        <WorkspaceField label="原文" value="" long tall onInput={() => undefined} />
      </>,
    )
    const short = screen.getByLabelText('项目简介')
    const tall = screen.getByLabelText('原文')
    expect(short.tagName).toBe('TEXTAREA')
    expect(short.className).toBe('text-input ws__textarea')
    expect(tall.className).toBe('text-input ws__textarea ws__textarea--tall')
  })

  it('shows the message for the field under it, in its own box', () => {
    render(<WorkspaceField label="日期" value="12-05" error="日期请写成 2026-12-05 这样" onInput={() => undefined} />)
    const alert = screen.getByRole('alert')
    expect(alert.textContent).toBe('日期请写成 2026-12-05 这样')
    expect(alert.closest('.ws__field')).toBe(screen.getByLabelText('日期').closest('.ws__field'))
  })
})

describe('ErrorLine', () => {
  it('says nothing for an empty message', () => {
    const { container } = render(<ErrorLine text="" />)
    expect(container.innerHTML).toBe('')
  })
})
