// The sheet WeChat's privacy flow asks for: what is needed and why, agree or decline.
import { useEffect, useState } from 'react'
import { Button, Text, View } from '@tarojs/components'
import { isWeapp } from '@/platform'
import { answerPrivacy, onPrivacyRequest } from '@/platform/privacy'
import './index.scss'

export function PrivacySheet({ onOpenPrivacy }: { onOpenPrivacy: () => void }) {
  const [open, setOpen] = useState(false)
  useEffect(() => onPrivacyRequest(setOpen), [])
  if (!open) return null
  return (
    <View className="privacy-sheet" role="dialog" aria-label="隐私保护提示">
      <View className="privacy-sheet__panel">
        <Text className="privacy-sheet__title">隐私保护提示</Text>
        <Text className="privacy-sheet__text">
          接下来的操作（例如保存海报到相册、复制链接）需要你同意《隐私说明》。不同意也可以继续浏览。
        </Text>
        <View className="privacy-sheet__link" onClick={onOpenPrivacy} role="link">
          查看《隐私说明》
        </View>
        <Button
          id="agree-privacy"
          className="button privacy-sheet__button"
          openType="agreePrivacyAuthorization"
          onAgreePrivacyAuthorization={() => answerPrivacy(true, 'agree-privacy')}
          onClick={isWeapp ? undefined : () => answerPrivacy(true)}
          aria-label="同意并继续"
        >
          同意并继续
        </Button>
        <Button
          className="button button--ghost privacy-sheet__button"
          onClick={() => answerPrivacy(false)}
          aria-label="不同意"
        >
          不同意
        </Button>
      </View>
    </View>
  )
}
