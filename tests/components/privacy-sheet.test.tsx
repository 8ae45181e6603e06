/** @jest-environment jsdom */
import { act, fireEvent, render, screen } from '@testing-library/react'
import { PrivacySheet } from '@/components/privacy-sheet'
import { installPrivacyHandler } from '@/platform/privacy'

type Resolve = (r: { event: string; buttonId?: string }) => void
let trigger: ((resolve: Resolve) => void) | undefined
installPrivacyHandler({ onNeedPrivacyAuthorization: (h) => (trigger = h as never) })

describe("WeChat's privacy authorization", () => {
  it('shows nothing until WeChat asks', () => {
    render(<PrivacySheet onOpenPrivacy={() => undefined} />)
    expect(screen.queryByRole('dialog')).toBeNull()
  })

  it.each([
    ['同意并继续', { event: 'agree' }],
    ['不同意', { event: 'disagree' }],
  ])('answers WeChat with her choice: %s', (button, answer) => {
    const resolve = jest.fn()
    render(<PrivacySheet onOpenPrivacy={() => undefined} />)
    act(() => trigger?.(resolve))
    expect(screen.getByRole('dialog')).toBeTruthy()
    fireEvent.click(screen.getByLabelText(button))
    expect(resolve).toHaveBeenCalledWith(answer)
    expect(screen.queryByRole('dialog')).toBeNull()
  })

  it('links to the privacy page', () => {
    const open = jest.fn()
    render(<PrivacySheet onOpenPrivacy={open} />)
    act(() => trigger?.(jest.fn()))
    fireEvent.click(screen.getByText('查看《隐私说明》'))
    expect(open).toHaveBeenCalled()
  })
})
