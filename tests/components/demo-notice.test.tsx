/** @jest-environment jsdom */
import { render } from '@testing-library/react'
import { DemoNotice } from '@/components/demo-notice'

describe('DemoNotice', () => {
  it.each([
    ['badge', '示例场次'],
    ['banner', '示例场次这是演示用的示例场次，不是真实活动：时间、地点和名额都是示例，到时不会举办，不用前往。'],
  ] as const)('%s says it in words', (variant, text) => {
    const { container } = render(<DemoNotice variant={variant} />)
    expect(container.textContent).toBe(text)
  })
})
