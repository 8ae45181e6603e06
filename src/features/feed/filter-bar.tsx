// Region and topic chips; the chosen one is marked with ✓ as well as colour.
import { ScrollView, Text, View } from '@tarojs/components'
import { TOPICS } from '@/domain/types'
import type { CardFilter } from '@/services/api'
import './filter-bar.scss'

interface Props {
  filter: CardFilter
  /** Provinces with cards so far: the chip shows the name, the filter carries the code. */
  provinces: Array<{ code: string; name: string }>
  onChoose: (key: keyof CardFilter, value: string | undefined) => void
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

export function FilterBar({ filter, provinces, onChoose }: Props) {
  return (
    <View className="filter-bar">
      <ChipRow
        label="地区"
        options={provinces.map((p) => ({ value: p.code, label: p.name }))}
        chosen={filter.province}
        onChoose={(v) => onChoose('province', v)}
      />
      <ChipRow
        label="主题"
        options={TOPICS.map((t) => ({ value: t, label: t }))}
        chosen={filter.topic}
        onChoose={(v) => onChoose('topic', v)}
      />
    </View>
  )
}
