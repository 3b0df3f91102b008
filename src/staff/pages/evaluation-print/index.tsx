import { Text, View } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import { AtButton } from 'taro-ui'
import { chainOpinions, formSections, historySection, reportSections, type SignedOpinion } from '@shared/domain/evaluation-form'
import PageState from '../../../components/page-state'
import { useLoad } from '../../../hooks/use-load'
import { getApplication } from '../../../services/staff/evaluation'
import { printPage } from '../../../services/files/print'
import { toastText } from '../../../utils/toast'
import 'taro-ui/lib/style/components/button.scss'
import StaffLayout from '../../components/staff-layout'
import './index.scss'

/** The 申报表 (`doc=form`) or the self-evaluation report (`doc=report`) as an A4 sheet to print. */
function EvaluationPrintPageBody() {
  const { params } = useRouter()
  const id = decodeURIComponent(params.id ?? '')
  const doc = params.doc === 'report' ? 'report' : 'form'
  const data = useLoad(() => getApplication(id), [id])
  if (data.status === 'error' && !data.data) {
    return <PageState kind='error' title='没能打开申报' error={data.error} onAction={() => void data.reload()} />
  }
  if (!data.data) return <PageState kind='loading' />
  const app = data.data
  const sections = doc === 'form' ? formSections(app) : [...reportSections(app), historySection(app)]
  const opinions = chainOpinions(app)
  const title = doc === 'form' ? `${app.year} 年度创业型社区申报表` : `${app.year} 年度创建创业型社区自评报告`
  return (
    <View className='ev-print'>
      <View className='ev-print__bar'>
        <View className='ev__btn' data-testid='print-button'><AtButton size='small' type='primary' onClick={() => (printPage('.ev-print__sheet', 'flow') ? undefined : toastText('请在电脑浏览器中打开本页打印，或下载 Excel'))}>
          打印
        </AtButton></View>
      </View>
      <View className='ev-print__sheet' data-testid='print-sheet'>
        <Text className='ev-print__title'>{title}</Text>
        <Text className='ev-print__sub'>申报单位：{app.communityName}（盖章）</Text>
        {sections.map((s) => (
          <View key={s.title} className='ev-print__block'>
            <Text className='ev-print__block-title'>{s.title}</Text>
            {s.rows.map(([label, value], i) => (
              <View key={i} className='ev-print__row'>
                <Text className='ev-print__label'>{label}</Text>
                <Text className='ev-print__value'>{value}</Text>
              </View>
            ))}
          </View>
        ))}
        <View className='ev-print__block ev-print__opinions' data-testid='print-opinions'>
          <Opinion title='申报单位（社区）意见' o={opinions.community} fallback={`${app.communityName}申报${app.year}年度创业型社区`} signer='社区负责人（签字）' testId='opinion-community' />
          <Opinion title='街道初评意见' o={opinions.street} signer='初评人（签字）' testId='opinion-street' />
          <Opinion title='县(区)认定意见' o={opinions.district} signer='认定单位负责人（签字）' testId='opinion-district' />
        </View>
      </View>
    </View>
  )
}

/** One opinion block: what the level wrote (from the chain), who and when, and room for the seal. */
function Opinion({ title, o, fallback, signer, testId }: { title: string; o: SignedOpinion; fallback?: string; signer: string; testId: string }) {
  const [y, m, d] = o.date ? o.date.split('-') : ['', '', '']
  return (
    <View className='ev-print__opinion' data-testid={testId}>
      <Text className='ev-print__block-title'>{title}</Text>
      <View className='ev-print__opinion-body'>
        <Text className='ev-print__opinion-text'>{o.decision ? `${o.decision}。${o.note}` : fallback ?? ''}</Text>
        <View className='ev-print__opinion-foot'>
          <Text>
            {signer}：{o.byName}
          </Text>
          <View className='ev-print__seal'>
            <Text>（盖章）</Text>
          </View>
          <Text>{o.date ? `${y} 年 ${Number(m)} 月 ${Number(d)} 日` : '年　　月　　日'}</Text>
        </View>
      </View>
    </View>
  )
}

export default function EvaluationPrintPage() {
  return (
    <StaffLayout page='evaluationPrint'>
      <EvaluationPrintPageBody />
    </StaffLayout>
  )
}
