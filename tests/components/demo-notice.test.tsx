/** @jest-environment jsdom */
import { render } from '@testing-library/react'
import { DemoNotice } from '@/components/demo-notice'

describe('DemoNotice', () => {
  it.each([
    ['badge', '示例场次'],
    ['banner', '这些是示例场次，不是真实活动，到时不会举办，不用前往。'],
  ] as const)('%s says it in words', (variant, text) => {
    const { container } = render(<DemoNotice variant={variant} />)
    expect(container.textContent).toBe(text)
  })
})
