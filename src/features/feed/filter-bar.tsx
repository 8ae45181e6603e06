// The feed's filters: the search box, the 地区 control that opens the picker, 有可报名的培训, and
// topic chips (the chosen one is marked with ✓ as well as colour).
import { Button, Input, ScrollView, Text, View } from '@tarojs/components'
import { useEffect, useState } from 'react'
import { QUERY_MAX } from '@/domain/filters'
import { regionLabel, type RegionChoice } from '@/domain/region-choice'
import { TOPICS } from '@/domain/types'
import type { CardFilter } from '@/services/api'
import './filter-bar.scss'

interface Props {
  filter: CardFilter
  region: RegionChoice | undefined
  onChoose: (key: 'topic' | 'open', value: string | undefined) => void
  onSearch: (text: string) => void
  onOpenRegion: () => void
}

interface Option {
  value: string
  label: string
}

function ChipRow({
  label,
  options,
  chosen,
  onChoose,
}: {
  label: string
  options: Option[]
  chosen?: string
  onChoose: (v?: string) => void
}) {
  return (
    <View className="filter-bar__row">
      <Text className="filter-bar__label">{label}</Text>
      <ScrollView scrollX className="filter-bar__scroll" enhanced showScrollbar={false}>
        <View className="filter-bar__chips">
          <View
            className={`chip ${chosen ? '' : 'chip--on'}`}
            onClick={() => onChoose(undefined)}
            role="button"
            aria-pressed={!chosen}
            aria-label={`${label}：全部`}
          >
            {chosen ? '' : '✓ '}全部
          </View>
          {options.map((o) => (
            <View
              key={o.value}
              className={`chip ${chosen === o.value ? 'chip--on' : ''}`}
              onClick={() => onChoose(o.value)}
              role="button"
              aria-pressed={chosen === o.value}
              aria-label={`${label}：${o.label}`}
            >
              {chosen === o.value ? '✓ ' : ''}
              {o.label}
            </View>
          ))}
        </View>
      </ScrollView>
    </View>
  )
}

/** 搜妇联名称或地名: searches on 搜索 or the keyboard's confirm; ✕ empties it and ends the search. */
function SearchBox({ q, onSearch }: { q: string | undefined; onSearch: (text: string) => void }) {
  const [text, setText] = useState(q ?? '')
  // 清除筛选 ends the search from outside: the box empties with it.
  useEffect(() => setText(q ?? ''), [q])
  return (
    <View className="filter-bar__search" role="search">
      <Input
        className={`text-input filter-bar__input ${text ? 'filter-bar__input--clearable' : ''}`}
        value={text}
        placeholder="搜妇联名称或地名"
        confirmType="search"
        maxlength={QUERY_MAX}
        aria-label="搜妇联名称或地名"
        nativeProps={{ 'aria-label': '搜妇联名称或地名', type: 'search', enterKeyHint: 'search' }}
        onInput={(e) => setText(e.detail.value)}
        onConfirm={(e) => onSearch(e.detail.value)}
      />
      {text ? (
        <View
          className="filter-bar__clear"
          role="button"
          aria-label="清空搜索"
          onClick={() => {
            setText('')
            onSearch('')
          }}
        >
          ✕
        </View>
      ) : null}
      <Button className="button filter-bar__go" aria-label="搜索" onClick={() => onSearch(text)}>
        搜索
      </Button>
    </View>
  )
}

export function FilterBar({ filter, region, onChoose, onSearch, onOpenRegion }: Props) {
  const label = regionLabel(region)
  return (
    <View className="filter-bar">
      <SearchBox q={filter.q} onSearch={onSearch} />
      <View className="filter-bar__row filter-bar__place">
        <Text className="filter-bar__label">地区</Text>
        <View
          className={`chip filter-bar__region ${region ? 'chip--on' : ''}`}
          role="button"
          aria-label={`地区：${label}，点按选择省市县`}
          onClick={onOpenRegion}
        >
          {label} ▾
        </View>
        <View
          className={`chip filter-bar__open ${filter.open ? 'chip--on' : ''}`}
          role="switch"
          aria-checked={!!filter.open}
          aria-label="只看有可报名的培训"
          onClick={() => onChoose('open', filter.open ? undefined : '1')}
        >
          {filter.open ? '✓ ' : ''}有可报名的培训
        </View>
      </View>
      <ChipRow
        label="主题"
        options={TOPICS.map((t) => ({ value: t, label: t }))}
        chosen={filter.topic}
        onChoose={(v) => onChoose('topic', v)}
      />
    </View>
  )
}
