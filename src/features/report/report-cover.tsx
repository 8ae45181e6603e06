// The federation's own cover photo atop its report (server mode), with the credit that exists only
// because the photo does. A report without one shows nothing here.
import { Image, Text, View } from '@tarojs/components'
import { env } from '@/config/env'
import { coverCredit, coverUrl, type CoverRef } from '@/domain/cover-ref'
import './report-cover.scss'

export function ReportCover({ name, cover }: { name: string; cover: CoverRef }) {
  return (
    <View className="report-cover">
      <View className="report-cover__frame">
        <Image
          className="report-cover__image"
          src={coverUrl(env.apiBase, cover)}
          mode="aspectFill"
          aria-label={`${name}的封面图片`}
          // The <img> inside Taro's H5 image: its alt is what a screen reader says.
          nativeProps={{ alt: `${name}的封面图片` }}
        />
      </View>
      <Text className="report-cover__credit">{coverCredit(name, cover)}</Text>
    </View>
  )
}
