import { View } from '@tarojs/components'
import Echarts from 'taro-react-echarts'
import * as echarts from 'echarts/core'
import { BarChart, LineChart } from 'echarts/charts'
import { GridComponent, MarkLineComponent, TooltipComponent } from 'echarts/components'
import { CanvasRenderer } from 'echarts/renderers'
import './index.scss'

// Only what the trend needs, so the staff subpackage carries a small echarts.
echarts.use([LineChart, BarChart, GridComponent, TooltipComponent, MarkLineComponent, CanvasRenderer])

export interface TrendChartProps {
  /** Short period labels along the x axis. */
  labels: string[]
  /** One value per label; null where the index has no value. */
  values: (number | null)[]
  /** `percent` values are ratios (0.15 → 15%); `count` draws bars. */
  unit: 'percent' | 'count' | 'score'
  /** A dashed target line, in the same unit as `values`. Default none. */
  target?: number | null
  /** Canvas id (weapp needs distinct ids per chart). Default `'trend'`. */
  canvasId?: string
  /** Accessible description of the whole chart. */
  label: string
}

/** An index across periods: a line for ratios and scores, bars for counts, with the target dashed. */
export default function TrendChart({ labels, values, unit, target = null, canvasId = 'trend', label }: TrendChartProps) {
  const scale = unit === 'percent' ? 100 : 1
  const data = values.map((v) => (v === null ? null : Math.round(v * scale * 10) / 10))
  const option = {
    animation: false,
    grid: { left: 44, right: 16, top: 20, bottom: 28 },
    tooltip: { trigger: 'axis', valueFormatter: (v: number) => (v === null ? '—' : `${v}${unit === 'percent' ? '%' : ''}`) },
    xAxis: { type: 'category', data: labels, axisLabel: { fontSize: 10, color: '#5f6672' }, axisTick: { show: false } },
    yAxis: {
      type: 'value',
      min: 0,
      axisLabel: { fontSize: 10, color: '#5f6672', formatter: unit === 'percent' ? '{value}%' : '{value}' },
      splitLine: { lineStyle: { color: '#eef0f3' } },
    },
    series: [
      {
        type: unit === 'count' ? 'bar' : 'line',
        data,
        connectNulls: false,
        smooth: false,
        symbolSize: 6,
        barMaxWidth: 18,
        itemStyle: { color: '#2861d8' },
        lineStyle: { width: 2 },
        markLine:
          target === null
            ? undefined
            : { silent: true, symbol: 'none', lineStyle: { type: 'dashed', color: '#18a058' }, label: { formatter: '目标', fontSize: 10 }, data: [{ yAxis: target * scale }] },
      },
    ],
  }
  return (
    <View className='trend-chart' aria-label={label}>
      <Echarts echarts={echarts} option={option} canvasId={canvasId} style={{ height: '100%', width: '100%' }} />
    </View>
  )
}
