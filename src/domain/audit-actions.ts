// What each audit-log action is called, in the words the 操作记录 page shows: the server writes only
// these actions (server/src/audit.ts), so a new one without its words does not compile.
export const AUDIT_ACTION_LABELS = {
  invite: '发出邀请',
  accept: '接受邀请，建立账号',
  disable: '停用账号',
  enable: '恢复账号',
  role: '修改角色',
  reset_password: '重置密码',
  change_password: '修改自己的密码',
  lockout: '密码错误次数太多，账号被锁定',
  create_admin: '在服务器上建立管理员',
  card_draft: '修改年终盘点草稿',
  card_publish: '发布年终盘点',
  card_unpublish: '下线年终盘点',
  card_restore: '恢复以前发布的年终盘点',
  program_create: '新建项目',
  program_update: '修改项目',
  form_update: '修改报名表',
  session_create: '新建场次',
  session_update: '修改场次',
  session_cancel: '取消场次',
  session_delete: '删除场次',
  checkin: '现场签到',
  cover_upload: '上传封面图片',
  cover_delete: '删除封面图片',
} as const

export type AuditAction = keyof typeof AUDIT_ACTION_LABELS

/** The words for an action; an action this version does not know (an older or newer server) shows as it is. */
export function auditActionLabel(action: string): string {
  return (AUDIT_ACTION_LABELS as Record<string, string>)[action] ?? action
}
