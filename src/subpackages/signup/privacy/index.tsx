import { Text, View } from '@tarojs/components'
import { PageShell } from '@/components/page-shell'
import { env } from '@/config/env'
import '@/features/signup/signup-form.scss'

type BuildSettings = Pick<typeof env, 'apiBase' | 'operator' | 'operatorContact'>

/** Who answers for her data: named by the build (TARO_APP_OPERATOR); the demo has no one to name. */
export function operatorParagraphs(settings: BuildSettings): string[] {
  if (settings.operator) {
    return [
      `本服务由${settings.operator}运营，你的报名信息由它负责保管。`,
      `对自己的信息有疑问，或要查询、更正、删除，请联系：${settings.operatorContact}。`,
    ]
  }
  if (settings.apiBase) {
    return ['这是开发用的构建，还没有写明运营方。正式版本会在这里写明谁负责你的信息、怎样联系。']
  }
  return ['这是演示版本：卡片里的数字来自各妇联公开发布的文章；报名信息只留在你这台手机上，没有任何单位或个人收到。']
}

/** How the person booking is verified: only a build with a server asks anything of her. */
export function verificationParagraphs(settings: Pick<typeof env, 'apiBase'>): string[] {
  if (!settings.apiBase) return []
  return [
    '为防止名额被恶意抢占，在网页（H5）上第一次报名前，要用短信验证码验证手机号；在微信小程序里，由微信登录确认是你本人，不用验证。',
    '服务器不保存验证用的手机号原文，只保存它加密计算后的摘要（带密钥的哈希），用来确认报名人、统计同一人在一个场次最多为几人报名。验证码同样只保存摘要，5分钟后失效，用过即作废。',
    '验证成功后，这台手机会记住“已验证手机 138****8000”30天，这期间报名不用再验证；删除我的全部数据时一起清除。',
  ]
}

/** WeChat messages: only a mini-program build with a server and templates asks her for them. */
export function weChatMessageParagraphs(settings: Pick<typeof env, 'apiBase' | 'weChatTemplates'>): string[] {
  if (!settings.apiBase || !settings.weChatTemplates) return []
  return [
    '在微信小程序里点“提交报名”时，微信会问你是否接收三类消息：候补转正和名额保留、场次变更和取消、开课提醒。不允许也照常报名。',
    '为了能给你发消息，服务器加密保存你在本小程序的微信标识（openid），只在发消息时使用，不对外提供。“删除我的全部数据”时一起删除；报名都已删除、又 90 天没有打开小程序的，也会删除。',
  ]
}

const verification = verificationParagraphs(env)
const weChatMessages = weChatMessageParagraphs(env)

const SECTIONS: Array<[string, string[]]> = [
  ['谁负责你的信息', operatorParagraphs(env)],
  [
    '我们收集什么',
    [
      '只在你报名时收集：姓名、手机号，以及这个活动报名表上列出的其他内容（例如所在区县、想学的技能）。',
      '浏览年终盘点和项目不需要填写任何个人信息。',
    ],
  ],
  [
    '为什么收集',
    [
      '姓名和手机号用于确认报名、通知活动时间地点和候补补位；其他内容帮助主办妇联安排场地和课程。不用于其他用途，不对外提供。',
    ],
  ],
  [
    '保存多久',
    [
      '活动结束后 90 天内删除。',
      env.apiBase
        ? '报名记录保存在主办妇联的报名服务器上：你在“我的报名”里能看到自己的记录；主办妇联的组织者能看到名单和完整手机号，用于联系你。'
        : '在当前版本中，报名记录只保存在你这台手机上（本机存储），不会上传。',
      '没填完的报名表也会暂存在本机，提交成功后自动清除。',
    ],
  ],
  [
    '怎样删除',
    [
      env.apiBase
        ? '打开“我的报名”，点“删除我的全部数据”，服务器上你的报名记录和这台手机上的草稿、设置、已验证的手机号会全部清除。服务器的备份文件里的副本最多再保留 30 天，随备份一起删除。'
        : '打开“我的报名”，点“删除我的全部数据”，这台手机上的报名记录、草稿和设置会全部清除。',
      '也可以单独取消某一条报名。',
    ],
  ],
  ...(verification.length ? ([['验证手机号', verification]] as Array<[string, string[]]>) : []),
  ...(weChatMessages.length ? ([['微信消息', weChatMessages]] as Array<[string, string[]]>) : []),
  ['替别人报名', ['可以用自己的手机为家人或邻居报名，请先征得对方同意，再填写对方的姓名和手机号。']],
  ['手机号显示', ['在“我的报名”的列表和详情里，手机号只显示前三位和后四位，例如 138****8000。']],
]

export default function PrivacyPage() {
  return (
    <PageShell>
      <Text className="page-title">隐私说明</Text>
      <View className="card">
        {SECTIONS.map(([title, paragraphs]) => (
          <View key={title}>
            <Text className="privacy__h">{title}</Text>
            {paragraphs.map((p) => (
              <Text key={p} className="privacy__p">
                {p}
              </Text>
            ))}
          </View>
        ))}
      </View>
    </PageShell>
  )
}
