import { useState } from 'react'
import { useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { AtButton } from 'taro-ui'
import { HONOR_KIND_LABELS, HONOR_KINDS, HONOR_REOPEN_WHO } from '@shared/domain/report'
import { dayText, shanghaiDate } from '@shared/domain/time'
import Chip from '../../../components/chip'
import PageState from '../../../components/page-state'
import SegmentTabs from '../../../components/segment-tabs'
import { useLoad } from '../../../hooks/use-load'
import { errorMessage } from '../../../services/core/cloud'
import { closeHonors, listHonors } from '../../../services/report/report'
import { confirm, toastSuccess, toastText } from '../../../utils/toast'
import 'taro-ui/lib/style/components/button.scss'
import StaffLayout from '../../components/staff-layout'
import './index.scss'

/** 表彰名单: a year's 优秀创业人员, 先进集体 and 先进工作者 named by the city and the caller's district. */
function HonorsBody() {
  const { params } = useRouter()
  const thisYear = Number(shanghaiDate(new Date()).slice(0, 4))
  const [year, setYear] = useState(Number(params.year) || thisYear)
  const data = useLoad(() => listHonors(year), [year])
  const years = [thisYear, thisYear - 1, thisYear - 2].map((y) => ({ key: String(y), label: `${y} 年` }))
  const publish = async () => {
    if (!(await confirm('公布名单', `公布后名单不能再修改，如需修改要请${HONOR_REOPEN_WHO}重新开放。`, '公布'))) return
    try {
      await closeHonors(year, true)
      toastSuccess('已公布')
      void data.reload()
    } catch (e) {
      toastText(errorMessage(e))
    }
  }
  const d = data.data
  return (
    <View className='honors'>
      <View className='honors__head'>
        <View>
          <Text className='honors__title'>表彰名单</Text>
          <Text className='honors__sub'>市、县(区)表彰的优秀创业人员、先进集体和先进工作者；先进集体附命名授牌记录</Text>
        </View>
      </View>
      <SegmentTabs tabs={years} value={String(year)} onChange={(k) => setYear(Number(k))} testIdPrefix='honor-year' />
      {data.status === 'error' && !d ? (
        <PageState kind='error' compact title='名单加载失败' error={data.error} onAction={() => void data.reload()} />
      ) : !d ? (
        <PageState kind='loading' compact />
      ) : (
        <View data-testid='honor-list'>
          {d.lists.map((l) => (
            <Text key={l.orgId} className='honors__meta'>
              {l.orgName}：{l.closed ? `已于 ${dayText(l.closedAt)} 公布` : '名单未公布'}
            </Text>
          ))}
          {d.mayName && !d.closedMine ? (
            <View className='honors__actions'>
              <AtButton size='small' type='secondary' onClick={() => void publish()}>
                公布本单位名单
              </AtButton>
            </View>
          ) : null}
          {d.items.length === 0 ? <PageState kind='empty' compact title={`${year} 年还没有表彰`} testId='honors-empty' /> : null}
          {HONOR_KINDS.map((k) => {
            const rows = d.items.filter((h) => h.kind === k)
            if (!rows.length) return null
            return (
              <View key={k}>
                <Text className='honors__section'>{HONOR_KIND_LABELS[k]}</Text>
                {rows.map((h) => (
                  <View key={h.id} className='honors__card' data-testid='honor-row'>
                    <View className='honors__card-head'>
                      <Text className='honors__name'>{h.subjectName}</Text>
                      <Chip small tone='primary' label={h.byOrgName} />
                    </View>
                    <Text className='honors__meta'>{h.subjectOrgName}</Text>
                    <Text className='honors__citation'>{h.citation}</Text>
                    {h.award ? (
                      <Text className='honors__meta'>
                        命名授牌：{h.award.documentNo}（{h.award.date}）
                      </Text>
                    ) : null}
                    {k === 'entrepreneur' ? <Text className='honors__meta'>{h.consent ? `本人同意在创业故事中展示（${h.consent.how}）` : '本人尚未同意展示，不在创业故事中出现'}</Text> : null}
                  </View>
                ))}
              </View>
            )
          })}
        </View>
      )}
    </View>
  )
}

export default function HonorsPage() {
  return (
    <StaffLayout page='staffHonors'>
      <HonorsBody />
    </StaffLayout>
  )
}
