import type { ReactNode } from 'react'
import { Image, Text, View } from '@tarojs/components'
import PageState from '../../../components/page-state'
import type { CodeImage } from '@shared/contracts/file'
import { codeNotice, codeSrc } from '../../../utils/code-image'
import './index.scss'

export interface CheckinStat {
  n: ReactNode
  label: string
}

export interface CheckinScreenProps {
  /** `data-testid` of the screen. */
  testId: string
  org: string
  title: string
  /** The time and place line. */
  meta: ReactNode
  /** Under the head (session chips, say). Default none. */
  headExtra?: ReactNode
  /** The words over the code: `微信扫一扫 签到`. */
  scanText: string
  /** The rotating code, null while the first one is made; `codeError` when it could not be. */
  code: (CodeImage & { scene: string }) | null
  codeError: string | null
  /** `data-testid` of the code image. */
  codeTestId: string
  /** Under the code: how it rotates. */
  rotate: ReactNode
  /** The big count (已签到) and its `data-testid`, then the smaller ones. */
  big: CheckinStat & { testId: string }
  stats: CheckinStat[]
  /** What staff should know, then any links. */
  hint: ReactNode
  children?: ReactNode
}

/**
 * 签到屏, shown on a screen at the venue (活动 and 培训 alike): a rotating code residents scan
 * (an older one is refused, so only people in the room can check in) and the live counts.
 */
export default function CheckinScreen(p: CheckinScreenProps) {
  return (
    <View className='checkin-screen' data-testid={p.testId}>
      <View className='checkin-screen__head'>
        <Text className='checkin-screen__org'>{p.org}</Text>
        <Text className='checkin-screen__title'>{p.title}</Text>
        <Text className='checkin-screen__meta'>{p.meta}</Text>
        {p.headExtra}
      </View>
      <View className='checkin-screen__main'>
        <View className='checkin-screen__code-card'>
          <Text className='checkin-screen__scan'>{p.scanText}</Text>
          <View className='checkin-screen__code-wrap'>
            {p.code ? (
              <View>
                <Image className='checkin-screen__code' src={codeSrc(p.code)} mode='aspectFit' nativeProps={{ 'data-testid': p.codeTestId, 'data-scene': p.code.scene, alt: '签到二维码' }} />
                {codeNotice(p.code) ? <Text data-testid='code-notice'>{codeNotice(p.code)}</Text> : null}
              </View>
            ) : p.codeError ? (
              <PageState kind='error' compact title='二维码生成失败' description={p.codeError} />
            ) : (
              <PageState kind='loading' compact title='正在生成二维码…' />
            )}
          </View>
          {p.rotate}
        </View>
        <View className='checkin-screen__side'>
          <View className='checkin-screen__stat checkin-screen__stat--big' data-testid={p.big.testId}>
            <Text className='checkin-screen__stat-n'>{p.big.n}</Text>
            <Text className='checkin-screen__stat-label'>{p.big.label}</Text>
          </View>
          <View className='checkin-screen__stats'>
            {p.stats.map((s) => (
              <View key={s.label} className='checkin-screen__stat'>
                <Text className='checkin-screen__stat-n'>{s.n}</Text>
                <Text className='checkin-screen__stat-label'>{s.label}</Text>
              </View>
            ))}
          </View>
          <Text className='checkin-screen__hint'>{p.hint}</Text>
          {p.children}
        </View>
      </View>
    </View>
  )
}
