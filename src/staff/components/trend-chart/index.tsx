import { View } from '@tarojs/components'
import Echarts from 'taro-react-echarts'
import { echarts, trendOption, type TrendChartProps } from './option'
import './index.scss'

export type { TrendChartProps }

/**
 * H5 (and tests): taro-react-echarts on a DOM node. The weapp build takes `index.weapp.tsx`
 * instead, which draws on a native `<canvas type="2d">` component.
 */
export default function TrendChart({ labels, values, unit, target = null, canvasId = 'trend', label }: TrendChartProps) {
  const option = trendOption({ labels, values, unit, target })
  return (
    <View className='trend-chart' aria-label={label}>
      <Echarts echarts={echarts} option={option} canvasId={canvasId} style={{ height: '100%', width: '100%' }} />
    </View>
  )
}
