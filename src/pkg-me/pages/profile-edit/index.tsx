import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import { AtButton } from 'taro-ui'
import type { OrgNode } from '@shared/contracts/org'
import { profileSaveInput, type Me } from '@shared/contracts/profile'
import type { TargetGroup } from '@shared/domain/target-groups'
import CommunityPicker from '../../../components/community-picker'
import FormField from '../../../components/form-field'
import GroupPicker from '../../../components/group-picker'
import NoticeBanner from '../../../components/notice-banner'
import PageState from '../../../components/page-state'
import { useFormSubmit } from '../../../hooks/use-form-submit'
import { useLoad } from '../../../hooks/use-load'
import { getOrgTree } from '../../../services/staff/org'
import { getMe, saveProfile } from '../../../services/profile/profile'
import { goBack, routes } from '../../../utils/routes'
import 'taro-ui/lib/style/components/button.scss'
import 'taro-ui/lib/style/components/loading.scss'
import './index.scss'
import { withCareMode } from '../../../components/care-root'

/** Pick my community and the groups I belong to; they decide which policies are 适合我. */
function ProfileEditPage() {
  const from = useRouter().params.from
  const data = useLoad(async () => {
    const [orgs, me] = await Promise.all([getOrgTree(), getMe({ fresh: true })])
    return { orgs, me }
  }, [])

  if (data.status === 'error' && !data.data) {
    return <PageState kind='error' title='没能读取社区列表' error={data.error} onAction={() => void data.reload()} />
  }
  if (!data.data) return <PageState kind='loading' />
  return <ProfileForm orgs={data.data.orgs} me={data.data.me} forMe={from === 'forMe'} />
}

interface ProfileFormProps {
  orgs: OrgNode[]
  me: Me
  /** Opened from 适合我: say why. */
  forMe: boolean
}

function ProfileForm({ orgs, me, forMe }: ProfileFormProps) {
  const [communityId, setCommunityId] = useState<string | null>(me.communityId)
  const [groups, setGroups] = useState<TargetGroup[]>(me.targetGroups)
  const form = useFormSubmit({
    schema: profileSaveInput,
    submit: saveProfile,
    successToast: '已保存',
    then: () => goBack(routes.mine),
    delayMs: 600,
    invalidToast: false,
  })
  const { errors } = form
  const saving = form.busy !== null
  const save = () => form.run({ communityId, targetGroups: groups })

  return (
    <View className='profile-edit'>
      {forMe ? (
        <View className='profile-edit__hint' data-testid='for-me-hint'>
          <NoticeBanner text='选好你的情况后，就能看到适合你的政策啦' />
        </View>
      ) : null}

      <View className='profile-edit__card'>
        <FormField label='我所在的社区' error={errors.communityId} hint='用来显示你所在社区及上级部门发布的政策' testId='field-communityId'>
          <CommunityPicker orgs={orgs} value={communityId} onChange={setCommunityId} invalid={Boolean(errors.communityId)} />
        </FormField>
        <FormField
          label='我的情况（可多选）'
          error={errors.targetGroups}
          hint={groups.length ? `已选 ${groups.length} 项` : '选出符合你的情况，我们据此挑选适合你的政策'}
          testId='field-targetGroups'
        >
          <GroupPicker value={groups} onChange={setGroups} />
        </FormField>
      </View>

      <Text className='profile-edit__privacy'>这些信息只用于为你挑选政策，不会公开。</Text>

      <View className='profile-edit__actions' data-testid='save-button'>
        <AtButton type='primary' loading={saving} disabled={saving} onClick={() => void save()}>
          保存
        </AtButton>
      </View>
    </View>
  )
}

export default withCareMode(ProfileEditPage)
