import { useMemo, useState } from 'react'
import { Input, Picker, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { AtButton } from 'taro-ui'
import { inviteInput, saveOrgInput, type OrgNode, type StaffView, type IssuedInvitation } from '@shared/contracts/org'
import { childLevel, ORG_LEVEL_LABELS } from '@shared/domain/org'
import type { AuditEntry } from '@shared/domain/audit'
import { can, mayManageRole, ROLE_LABELS, ROLE_LEVEL, STAFF_ROLES, type StaffRole } from '@shared/domain/roles'
import { dayText, minuteText } from '@shared/domain/time'
import FormField from '../../../components/form-field'
import ListFooter from '../../../components/list-footer'
import PageState from '../../../components/page-state'
import PrivacyPrompt from '../../../components/privacy-prompt'
import SegmentTabs, { type SegmentTab } from '../../../components/segment-tabs'
import { useFormSubmit } from '../../../hooks/use-form-submit'
import { useLoad } from '../../../hooks/use-load'
import { useListPage, usePagedList } from '../../../hooks/use-paged-list'
import { errorMessage } from '../../../services/core/cloud'
import { getOrgTree, inviteStaff, listAudit, listStaff, revokeStaff, saveOrg } from '../../../services/staff/org'
import { getMe } from '../../../services/profile/profile'
import { confirm, toastSuccess, toastText } from '../../../utils/toast'
import { staffGate } from '../../components/staff-gate'
import 'taro-ui/lib/style/components/button.scss'
import 'taro-ui/lib/style/components/loading.scss'
import StaffLayout from '../../components/staff-layout'
import './index.scss'

type Tab = 'team' | 'audit' | 'orgs'
const TABS: readonly SegmentTab<Tab>[] = [
  { key: 'team', label: '工作人员' },
  { key: 'audit', label: '操作记录' },
  { key: 'orgs', label: '组织架构' },
]

type ResultFilter = 'all' | AuditEntry['result']
const RESULT_TABS: readonly SegmentTab<ResultFilter>[] = [
  { key: 'all', label: '全部' },
  { key: 'ok', label: '成功' },
  { key: 'denied', label: '被拒绝' },
  { key: 'invalid', label: '填写有误' },
]
const RESULT_LABELS: Record<AuditEntry['result'], string> = { ok: '成功', denied: '被拒绝', invalid: '填写有误', error: '出错' }
const KIND_LABELS: Record<AuditEntry['kind'], string> = { write: '修改', reveal: '查看敏感信息', export: '导出', login: '登录', access: '越权访问' }

/** 团队与记录: staff in my scope (invite, revoke) and the audit log of my scope. */
function StaffTeamPageBody() {
  const me = useLoad(() => getMe(), [])
  const [tab, setTab] = useState<Tab>('team')
  const staff = me.data?.kind === 'staff' ? me.data.staff : null
  const gate = staffGate(me)
  if (gate.stop || !staff) return gate.stop
  const mayManage = can(staff.role, 'staff.manage')
  const mayAudit = can(staff.role, 'audit.read')
  if (!mayManage && !mayAudit) {
    return <PageState kind='empty' title='你的角色不管理团队' description='邀请同事和查看操作记录由社区负责人及以上的工作人员负责' testId='team-forbidden' />
  }
  const tabs = TABS.filter((t) => (t.key === 'team' ? mayManage : t.key === 'audit' ? mayAudit : can(staff.role, 'org.write')))
  const current = tabs.some((t) => t.key === tab) ? tab : tabs[0].key
  return (
    <View className='staff-team'>
      <PrivacyPrompt purpose='复制邀请码' />
      <View className='staff-team__top'>
        <Text className='staff-team__title'>{staff.orgName}</Text>
        <Text className='staff-team__sub'>
          {staff.name} · {ROLE_LABELS[staff.role]}
        </Text>
      </View>
      {tabs.length > 1 ? <SegmentTabs tabs={tabs} value={current} onChange={setTab} testIdPrefix='team-tab' /> : null}
      <View className='staff-team__body'>
        {current === 'team' ? <TeamPanel myRole={staff.role} myOrgId={staff.orgId} /> : current === 'audit' ? <AuditPanel /> : <OrgPanel />}
      </View>
    </View>
  )
}

function TeamPanel({ myRole, myOrgId }: { myRole: StaffRole; myOrgId: string }) {
  const team = usePagedList((after) => listStaff({ after, limit: 30 }), [])
  const tree = useLoad(() => getOrgTree(), [])
  const roles = STAFF_ROLES.filter((r) => mayManageRole(myRole, r))
  const [role, setRole] = useState<StaffRole>(roles[0])
  const [orgId, setOrgId] = useState('')
  const [label, setLabel] = useState('')
  const [issued, setIssued] = useState<IssuedInvitation | null>(null)
  const inviting = useFormSubmit({
    schema: inviteInput,
    submit: (input) => inviteStaff(input),
    invalidToast: false,
    then: (result) => {
      setIssued(result)
      setLabel('')
    },
  })
  const { errors } = inviting
  const busy = inviting.busy !== null
  useListPage(team)

  // Orgs in my subtree at the level the chosen role belongs to.
  const orgChoices = useMemo(() => {
    const all = tree.data ?? []
    const byId = new Map(all.map((o) => [o._id, o]))
    const inScope = (id: string): boolean => {
      for (let node = byId.get(id); node; node = node.parentId ? byId.get(node.parentId) : undefined) if (node._id === myOrgId) return true
      return false
    }
    return all.filter((o) => o.level === ROLE_LEVEL[role] && inScope(o._id))
  }, [tree.data, role, myOrgId])
  const chosenOrg = orgChoices.find((o) => o._id === orgId) ?? orgChoices[0]

  const issue = () => inviting.run({ role, orgId: chosenOrg?._id ?? '', label, expiresInDays: 7 })

  const revoke = async (s: StaffView) => {
    if (!(await confirm('停用账号', `停用“${s.name}”后，这个账号立即不能再使用。`, '停用'))) return
    try {
      await revokeStaff(s._id)
      toastSuccess('已停用')
      void team.refresh({ quiet: true })
    } catch (e) {
      toastText(errorMessage(e))
    }
  }

  return (
    <View>
      {roles.length ? (
        <View className='staff-team__card' data-testid='invite-card'>
          <Text className='staff-team__card-title'>邀请同事</Text>
          <FormField label='角色' testId='invite-role-field'>
            <Picker mode='selector' range={roles.map((r) => ROLE_LABELS[r])} value={roles.indexOf(role)} onChange={(e) => setRole(roles[Number(e.detail.value)])}>
              <View className='staff-team__picker' data-testid='invite-role'>{ROLE_LABELS[role]}</View>
            </Picker>
          </FormField>
          <FormField label='所属单位' error={errors.orgId} testId='invite-org-field'>
            {orgChoices.length ? (
              <Picker mode='selector' range={orgChoices.map((o) => o.fullName)} value={Math.max(0, orgChoices.indexOf(chosenOrg!))} onChange={(e) => setOrgId(orgChoices[Number(e.detail.value)]._id)}>
                <View className='staff-team__picker' data-testid='invite-org'>{chosenOrg?.fullName}</View>
              </Picker>
            ) : (
              <Text className='staff-team__muted'>{tree.status === 'loading' ? '正在加载…' : '你的范围内没有这一级的单位'}</Text>
            )}
          </FormField>
          <FormField label='受邀人' required error={errors.label} hint='写上姓名，方便对账，如 金沙社区 张丽' testId='invite-label-field'>
            <Input className='form-field__input' value={label} placeholder='受邀人姓名' maxlength={30} onInput={(e) => {
                setLabel(e.detail.value)
                inviting.clear('label')
              }}
              nativeProps={{ 'data-testid': 'invite-label' }} />
          </FormField>
          <View data-testid='invite-button'>
            <AtButton type='primary' loading={busy} disabled={busy || !chosenOrg} onClick={() => void issue()}>
              生成邀请码
            </AtButton>
          </View>
          {issued ? (
            <View className='staff-team__issued' data-testid='invite-issued'>
              <Text className='staff-team__code' data-testid='invite-code'>
                {issued.code}
              </Text>
              <Text className='staff-team__muted'>
                {issued.orgName} · {ROLE_LABELS[issued.role]} · {dayText(issued.expiresAt)} 前有效，只能用一次。请当面或电话告诉对方，这个码只显示这一次。
              </Text>
              <View className='staff-team__copy' onClick={() => void Taro.setClipboardData({ data: issued.code })}>
                <Text>复制邀请码</Text>
              </View>
            </View>
          ) : null}
        </View>
      ) : null}

      <Text className='staff-team__section'>我管理范围内的工作人员</Text>
      {team.status === 'loading' ? (
        <PageState kind='loading' compact />
      ) : team.status === 'error' ? (
        <PageState kind='error' compact title='名单加载失败' error={team.error} onAction={() => void team.refresh()} />
      ) : !team.items.length ? (
        <PageState kind='empty' compact title='还没有工作人员' />
      ) : (
        <View className='staff-team__list' data-testid='staff-list'>
          {team.items.map((s) => (
            <View className={`staff-team__row${s.active ? '' : ' staff-team__row--off'}`} key={s._id} data-testid='staff-row' data-id={s._id}>
              <View className='staff-team__row-main'>
                <Text className='staff-team__name'>
                  {s.name}
                  {s.active ? '' : '（已停用）'}
                </Text>
                <Text className='staff-team__muted'>
                  {s.orgName} · {ROLE_LABELS[s.role]}
                  {s.username ? ` · 账号 ${s.username}` : ''}
                  {s.boundToWeChat ? ' · 已绑定微信' : ''}
                </Text>
              </View>
              {s.revocable ? (
                <View className='staff-team__revoke' data-testid='staff-revoke' onClick={() => void revoke(s)}>
                  <Text>停用</Text>
                </View>
              ) : null}
            </View>
          ))}
          <ListFooter list={team} />
        </View>
      )}
    </View>
  )
}

function AuditPanel() {
  const [result, setResult] = useState<ResultFilter>('all')
  const log = usePagedList((after) => listAudit({ result: result === 'all' ? undefined : result, after, limit: 30 }), [result])
  useListPage(log)
  return (
    <View>
      <SegmentTabs tabs={RESULT_TABS} value={result} onChange={setResult} testIdPrefix='audit-result' />
      {log.status === 'loading' ? (
        <PageState kind='loading' compact />
      ) : log.status === 'error' ? (
        <PageState kind='error' compact title='记录加载失败' error={log.error} onAction={() => void log.refresh()} />
      ) : !log.items.length ? (
        <PageState kind='empty' compact title='没有记录' description='工作人员的修改、导出、查看敏感信息和登录都会记在这里' />
      ) : (
        <View className='staff-team__list' data-testid='audit-list'>
          {log.items.map((a) => (
            <View className='staff-team__audit' key={a._id} data-testid='audit-row'>
              <View className='staff-team__audit-head'>
                <Text className={`staff-team__result staff-team__result--${a.result}`}>{RESULT_LABELS[a.result]}</Text>
                <Text className='staff-team__audit-action'>
                  {KIND_LABELS[a.kind]} · {a.action}
                </Text>
              </View>
              <Text className='staff-team__muted'>
                {minuteText(a.at)} · {a.actorName}
                {a.target ? ` · ${a.target}` : ''}
                {a.code ? ` · ${a.code}` : ''}
              </Text>
            </View>
          ))}
          <ListFooter list={log} />
        </View>
      )}
    </View>
  )
}

/** 组织架构 (admin): the org tree, with adding a unit under a parent and renaming. */
function OrgPanel() {
  const tree = useLoad(() => getOrgTree({ fresh: true }), [])
  const [parentId, setParentId] = useState('')
  const [name, setName] = useState('')
  const [editing, setEditing] = useState<{ id: string; name: string } | null>(null)
  // Adding and renaming send the same input; whichever ran last owns the message.
  const saving = useFormSubmit<typeof saveOrgInput, unknown, 'add' | 'rename'>({
    schema: saveOrgInput,
    submit: (input) => saveOrg(input),
    invalidToast: false,
    successToast: (_, mode) => (mode === 'rename' ? '已改名' : '已添加'),
    then: (_, mode) => {
      if (mode === 'rename') setEditing(null)
      else setName('')
      void tree.reload()
    },
  })
  const error = Object.values(saving.errors).join('；')
  const busy = saving.busy !== null
  const orgs = tree.data ?? []
  const parents = orgs.filter((o) => childLevel(o.level) !== null)
  const parent = parents.find((o) => o._id === parentId) ?? parents[0]
  const depth = (o: OrgNode) => o.fullName.split(' / ').length - 1

  const add = () => parent && saving.run({ name, level: childLevel(parent.level)!, parentId: parent._id }, 'add')
  const rename = (o: OrgNode) => editing && saving.run({ id: o._id, name: editing.name, level: o.level, parentId: o.parentId }, 'rename')

  if (tree.status === 'loading' && !tree.data) return <PageState kind='loading' compact />
  if (tree.status === 'error') return <PageState kind='error' compact title='组织架构加载失败' error={tree.error} onAction={() => void tree.reload()} />
  return (
    <View>
      <View className='staff-team__card' data-testid='org-add'>
        <Text className='staff-team__card-title'>添加下级单位</Text>
        <FormField label='上级单位' testId='org-parent-field'>
          <Picker mode='selector' range={parents.map((o) => o.fullName)} value={Math.max(0, parents.indexOf(parent!))} onChange={(e) => setParentId(parents[Number(e.detail.value)]._id)}>
            <View className='staff-team__picker' data-testid='org-parent'>
              {parent ? `${parent.fullName}（将添加${ORG_LEVEL_LABELS[childLevel(parent.level)!]}）` : '—'}
            </View>
          </Picker>
        </FormField>
        <FormField label='名称' required error={error} testId='org-name-field'>
          <Input className='form-field__input' value={name} placeholder='如 新华街道、金沙社区' maxlength={30} onInput={(e) => setName(e.detail.value)} nativeProps={{ 'data-testid': 'org-name' }} />
        </FormField>
        <View data-testid='org-add-button'>
          <AtButton type='primary' loading={busy} disabled={busy || !name.trim()} onClick={() => void add()}>
            添加
          </AtButton>
        </View>
      </View>
      <View className='staff-team__list' data-testid='org-tree'>
        {orgs.map((o) => (
          <View className='staff-team__row' key={o._id} data-testid='org-row' style={{ paddingLeft: `${24 + depth(o) * 28}px` }}>
            <View className='staff-team__row-main'>
              {editing?.id === o._id ? (
                <Input className='form-field__input' value={editing.name} maxlength={30} onInput={(e) => setEditing({ id: o._id, name: e.detail.value })} onConfirm={() => void rename(o)} nativeProps={{ 'data-testid': 'org-rename-input' }} />
              ) : (
                <Text className='staff-team__name'>{o.name}</Text>
              )}
              <Text className='staff-team__muted'>{ORG_LEVEL_LABELS[o.level]}</Text>
            </View>
            {editing?.id === o._id ? (
              <View className='staff-team__copy' data-testid='org-rename-save' onClick={() => void rename(o)}>
                <Text>保存</Text>
              </View>
            ) : (
              <View className='staff-team__copy' data-testid='org-rename' onClick={() => setEditing({ id: o._id, name: o.name })}>
                <Text>改名</Text>
              </View>
            )}
          </View>
        ))}
      </View>
    </View>
  )
}

export default function StaffTeamPage() {
  return (
    <StaffLayout page='staffTeam'>
      <StaffTeamPageBody />
    </StaffLayout>
  )
}
