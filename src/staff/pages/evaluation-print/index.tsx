import { Text, View } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import { AtButton } from 'taro-ui'
import { formSections, historySection, reportSections } from '@shared/domain/evaluation-form'
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
  const title = doc === 'form' ? `${app.year} 年度创业型社区申报表` : `${app.year} 年度创建创业型社区自评报告`
  return (
    <View className='ev-print'>
      <View className='ev-print__bar'>
        <View className='ev__btn' data-testid='print-button'><AtButton size='small' type='primary' onClick={() => (printPage('.ev-print__sheet') ? undefined : toastText('请在电脑浏览器中打开本页打印，或下载 Excel'))}>
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
        <View className='ev-print__sign'>
          <Text>社区负责人（签字）：</Text>
          <Text>年　　月　　日</Text>
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
