/** @jest-environment jsdom */
// The shared paged list: every arrived row shown by default, the next page on 加载更多, a failed page
// retried, and a page that arrives after the filter changed dropped.
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react'
import { ListMore } from '@/components/state-view'
import { usePagedList, type Paged } from '@/shared/use-paged-list'

type Pending = {
  filter: string
  cursor: string | null | undefined
  resolve: (p: Paged<string>) => void
  reject: (e: Error) => void
}
let pending: Pending[] = []

function fetchPage(filter: string, cursor?: string | null) {
  return new Promise<Paged<string>>((resolve, reject) => pending.push({ filter, cursor, resolve, reject }))
}

const page = (filter: string, from: number, next: string | null): Paged<string> => ({
  rows: [0, 1, 2].map((i) => `${filter}-${from + i}`),
  next,
})

function Harness({ filter }: { filter: string }) {
  const list = usePagedList<string>(filter, (cursor) => fetchPage(filter, cursor))
  return (
    <div>
      {list.visible.map((r) => (
        <span key={r}>{r}</span>
      ))}
      <ListMore list={list} label="加载更多" end="已经是全部了" />
    </div>
  )
}

const shown = () => screen.queryAllByText(/^[a-z]+-\d+$/).map((e) => e.textContent)

beforeEach(() => {
  pending = []
})

test('shows every arrived row, fetches the next page on 加载更多, and ends', async () => {
  render(<Harness filter="a" />)
  await act(async () => pending.shift()!.resolve(page('a', 0, 'c1')))
  expect(shown()).toEqual(['a-0', 'a-1', 'a-2'])
  fireEvent.click(screen.getByLabelText('加载更多'))
  expect(screen.getByText('正在加载…')).toBeTruthy()
  const second = pending.shift()!
  expect(second.cursor).toBe('c1')
  await act(async () => second.resolve(page('a', 3, null)))
  expect(shown()).toEqual(['a-0', 'a-1', 'a-2', 'a-3', 'a-4', 'a-5'])
  expect(screen.queryByLabelText('加载更多')).toBeNull()
  expect(screen.getByText('已经是全部了')).toBeTruthy()
})

test('a failed page says why and 重试 asks again for the same cursor', async () => {
  render(<Harness filter="a" />)
  await act(async () => pending.shift()!.resolve(page('a', 0, 'c1')))
  fireEvent.click(screen.getByLabelText('加载更多'))
  await act(async () => pending.shift()!.reject(new Error('网络不太好')))
  expect(screen.getByText('网络不太好')).toBeTruthy()
  fireEvent.click(screen.getByText('重试'))
  expect(pending.shift()!.cursor).toBe('c1')
})

test('a page asked for under the old filter is dropped when the filter changes', async () => {
  const { rerender } = render(<Harness filter="a" />)
  await act(async () => pending.shift()!.resolve(page('a', 0, 'c1')))
  fireEvent.click(screen.getByLabelText('加载更多'))
  const stale = pending.shift()!
  rerender(<Harness filter="b" />)
  await act(async () => pending.shift()!.resolve(page('b', 0, null)))
  await act(async () => stale.resolve(page('a', 3, null)))
  await waitFor(() => expect(shown()).toEqual(['b-0', 'b-1', 'b-2']))
})
