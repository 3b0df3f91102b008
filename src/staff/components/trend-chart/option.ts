import * as echarts from 'echarts/core'
import { BarChart, LineChart } from 'echarts/charts'
import { GridComponent, MarkLineComponent, TooltipComponent } from 'echarts/components'
import { CanvasRenderer } from 'echarts/renderers'

// Only what the trend needs, so the staff subpackage carries a small echarts.
echarts.use([LineChart, BarChart, GridComponent, TooltipComponent, MarkLineComponent, CanvasRenderer])

export { echarts }

export interface TrendChartProps {
  /** Short period labels along the x axis. */
  labels: string[]
  /** One value per label; null where the index has no value. */
  values: (number | null)[]
  /** `percent` values are ratios (0.15 → 15%); `count` draws bars. */
  unit: 'percent' | 'count' | 'score'
  /** A dashed target line, in the same unit as `values`. Default none. */
  target?: number | null
  /** Canvas id (H5 needs distinct ids per chart). Default `'trend'`. */
  canvasId?: string
  /** Accessible description of the whole chart. */
  label: string
}

/** The echarts option for an index across periods: a line for ratios and scores, bars for counts, the target dashed. */
export function trendOption({ labels, values, unit, target = null }: Pick<TrendChartProps, 'labels' | 'values' | 'unit' | 'target'>) {
  const scale = unit === 'percent' ? 100 : 1
  const data = values.map((v) => (v === null ? null : Math.round(v * scale * 10) / 10))
  return {
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
}
