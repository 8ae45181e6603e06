// The region picker (省 → 市 → 县, each level optional): 我的地区 first, then 全国 and the list of
// the level she is on. Loads the national division table, so only the region subpackage imports it.
import { Text, View } from '@tarojs/components'
import { useMemo, useState } from 'react'
import { divisions } from '@/domain/divisions'
import type { RegionChoice } from '@/domain/region-choice'
import { choiceOf, pathOf, pickerRows } from '@/domain/region-picker'
import { codeLevel } from '@/domain/region-codes'
import './region-picker.scss'

/** H5: rows take keyboard focus like buttons (the long list scrolls); Taro's View type has no tabIndex. */
const focusable = { tabIndex: 0 } as object

interface Props {
  /** The region the feed shows now (undefined: 全国). */
  current: RegionChoice | undefined
  /** The last region she picked, offered first. */
  mine: RegionChoice | undefined
  onPick: (choice: RegionChoice | undefined) => void
}

function Row({
  title,
  note,
  on,
  opens,
  onClick,
}: {
  title: string
  note?: string
  on?: boolean
  opens?: boolean
  onClick: () => void
}) {
  const state = on ? '，✓ 已选' : opens ? '，打开下一级' : ''
  return (
    <View
      {...focusable}
      className={`region-row ${on ? 'region-row--on' : ''}`}
      role="button"
      aria-label={`${title}${note ? `，${note}` : ''}${state}`}
      onClick={onClick}
    >
      <View className="region-row__text">
        <Text className="region-row__title">{title}</Text>
        {note ? <Text className="region-row__note">{note}</Text> : null}
      </View>
      {on ? <Text className="region-row__mark">✓ 已选</Text> : null}
      {opens ? <Text className="region-row__mark">›</Text> : null}
    </View>
  )
}

export function RegionPicker({ current, mine, onPick }: Props) {
  const table = divisions()
  /** The division whose children are listed; undefined lists the provinces. */
  const [parent, setParent] = useState<string | undefined>()
  const rows = useMemo(() => pickerRows(table, parent), [table, parent])
  const path = parent ? pathOf(table, parent) : []
  const pick = (code: string) => onPick(choiceOf(table, code))
  const whole = parent ? (codeLevel(parent) === 'province' ? '全省' : '全市') : undefined

  return (
    <View className="region-picker">
      <View className="region-crumbs" aria-label="当前位置">
        <View
          {...focusable}
          className="region-crumbs__item"
          role="button"
          aria-label="回到全国"
          onClick={() => setParent(undefined)}
        >
          全国
        </View>
        {path.map((d) => (
          <View
            {...focusable}
            key={d.code}
            className="region-crumbs__item"
            role="button"
            aria-label={`回到${d.name}`}
            onClick={() => setParent(d.code)}
          >
            › {d.name}
          </View>
        ))}
      </View>
      {!parent && mine ? (
        <View className="region-group">
          <Text className="region-group__title">我的地区</Text>
          <Row title={mine.names} on={current?.code === mine.code} onClick={() => onPick(mine)} />
        </View>
      ) : null}
      <View className="region-group">
        <Text className="region-group__title">{parent ? `${path[path.length - 1]?.name ?? ''}的下一级` : '省份'}</Text>
        {parent && whole ? (
          <Row
            title={whole}
            note={path.map((d) => d.name).join(' ')}
            on={current?.code === parent}
            onClick={() => pick(parent)}
          />
        ) : (
          <Row title="全国" note="看全部地区的年终盘点" on={!current} onClick={() => onPick(undefined)} />
        )}
        {rows.map((r) => (
          <Row
            key={r.code}
            title={r.name}
            on={current?.code === r.code}
            opens={r.hasChildren}
            onClick={() => (r.hasChildren ? setParent(r.code) : pick(r.code))}
          />
        ))}
      </View>
    </View>
  )
}
