import { View } from '@tarojs/components'
import Echarts from 'taro-react-echarts'
import { echarts, trendOption, type TrendChartProps } from './option'
import './index.scss'

export type { TrendChartProps }

/**
 * On H5 taro-react-echarts passes `style.width` / `style.height` to `echarts.init` as the chart
 * size when they are set, and echarts reads the string '100%' as 100 (px): the canvas stayed
 * 100×100. `opts` is spread after them, so 'auto' makes echarts measure the container
 * (`.trend-chart`, full width and 420 design px high) once laid out.
 */
const SIZE_FROM_CONTAINER = { width: 'auto', height: 'auto' } as const

/**
 * H5 (and tests): taro-react-echarts on a DOM node. The weapp build takes `index.weapp.tsx`
 * instead, which draws on a native `<canvas type="2d">` component.
 */
export default function TrendChart({ labels, values, unit, target = null, canvasId = 'trend', label }: TrendChartProps) {
  const option = trendOption({ labels, values, unit, target })
  return (
    <View className='trend-chart' aria-label={label}>
      <Echarts echarts={echarts} option={option} canvasId={canvasId} style={{ height: '100%', width: '100%' }} opts={SIZE_FROM_CONTAINER} />
    </View>
  )
}
