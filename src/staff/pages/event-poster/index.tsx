import { Image, Text, View } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import { AtButton } from 'taro-ui'
import PageState from '../../../components/page-state'
import { useLoad } from '../../../hooks/use-load'
import { eventErrorMessage, getCode, getEvent } from '../../../services/event/event'
import { printPage } from '../../../services/files/print'
import { eventTimeLabel } from '../../../utils/event-routes'
import { toastText } from '../../../utils/toast'
import { codeNotice, codeSrc } from '../../../utils/code-image'
import { fitText } from '../../../utils/poster-draw'
import { getHotline } from '../../../services/service/service'
import 'taro-ui/lib/style/components/button.scss'
import 'taro-ui/lib/style/components/loading.scss'
import StaffLayout from '../../components/staff-layout'
import './index.scss'

/** 活动海报: an A4 sheet with the event and its sign-up code, to print and put up. */
function EventPosterPageBody() {
  const id = useRouter().params.id ?? ''
  const data = useLoad(async () => {
    const [event, code, hotline] = await Promise.all([getEvent(id), getCode(id, 'poster'), getHotline().catch(() => null)])
    return { event, code, hotline }
  }, [id])

  if (data.status === 'error' && !data.data) {
    return <PageState kind='error' title='海报生成失败' error={data.error} description={eventErrorMessage(data.error)} onAction={() => void data.reload()} />
  }
  if (!data.data) return <PageState kind='loading' title='正在生成海报…' />
  const { event, code, hotline } = data.data
  const print = () => {
    if (!printPage('.event-poster__sheet')) toastText('长按二维码图片可保存到手机，再拿去打印')
  }

  return (
    <View className='event-poster'>
      <View className='event-poster__tools'>
        <Text className='event-poster__tip'>A4 竖版，打印后贴在活动现场和社区公告栏</Text>
        <View className='event-poster__print' data-testid='print-button'>
          <AtButton type='primary' size='small' onClick={print}>
            打印海报
          </AtButton>
        </View>
      </View>
      <View className='event-poster__sheet' data-testid='poster-sheet'>
        <View className='event-poster__band'>
          <Text className='event-poster__org'>{event.orgName} · 创业型社区</Text>
          <Text className='event-poster__kicker'>创业活动邀请</Text>
        </View>
        <View className='event-poster__content'>
          <Text className='event-poster__title'>{event.title}</Text>
          <View className='event-poster__facts'>
            <View className='event-poster__fact'>
              <Text className='event-poster__fact-label'>时间</Text>
              <Text className='event-poster__fact-text'>{eventTimeLabel(event.startAt, event.endAt)}</Text>
            </View>
            <View className='event-poster__fact'>
              <Text className='event-poster__fact-label'>地点</Text>
              <Text className='event-poster__fact-text'>{event.place}</Text>
            </View>
            <View className='event-poster__fact'>
              <Text className='event-poster__fact-label'>名额</Text>
              <Text className='event-poster__fact-text'>{event.capacity} 人{event.walkIn ? '，现场也可报名' : '，请提前报名'}</Text>
            </View>
          </View>
          {/* Wrapped on the sheet, cut with … after six lines (about 30 characters a line at this size). */}
          <Text className='event-poster__desc' data-testid='poster-desc'>{fitText(event.description, 30, 6)}</Text>
        </View>
        <View className='event-poster__qr-box'>
          <Image className='event-poster__qr' src={codeSrc(code)} mode='aspectFit' showMenuByLongpress nativeProps={{ 'data-testid': 'poster-code', alt: '报名二维码' }} />
          {codeNotice(code) ? <Text className='event-poster__scan-note' data-testid='code-notice'>{codeNotice(code)}</Text> : null}
          <View className='event-poster__qr-text'>
            <Text className='event-poster__scan'>扫码报名</Text>
            <Text className='event-poster__scan-note'>用微信扫一扫，填写姓名和手机号即可报名。活动当天扫描现场签到屏上的二维码签到。</Text>
          </View>
        </View>
        <Text className='event-poster__foot' data-testid='poster-contact'>
          主办：{event.orgName}　　{hotline ? `咨询电话：${hotline.phone}（${hotline.hours}）` : '咨询请到社区服务中心'}
        </Text>
      </View>
    </View>
  )
}

export default function EventPosterPage() {
  return (
    <StaffLayout page='eventPoster'>
      <EventPosterPageBody />
    </StaffLayout>
  )
}
