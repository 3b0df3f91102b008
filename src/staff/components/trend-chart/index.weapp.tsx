import { View } from '@tarojs/components'
import { useEffect, useMemo, useRef } from 'react'
import { echarts, trendOption, type TrendChartProps } from './option'
import { WxCanvas, type CanvasNode } from './wx-canvas'
import './index.scss'

export type { TrendChartProps }

interface InitDetail {
  canvas: CanvasNode
  width: number
  height: number
  dpr: number
}

interface GestureDetail {
  kind: 'start' | 'move' | 'end'
  x: number
  y: number
}

type Chart = ReturnType<typeof echarts.init>

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace JSX {
    interface IntrinsicElements {
      /** The native component in staff/components/ec-canvas. */
      'ec-canvas': { onInit: (e: { detail: InitDetail }) => void; onGesture: (e: { detail: GestureDetail }) => void }
    }
  }
}

/**
 * weapp: the chart draws on `<canvas type="2d">` inside the native `ec-canvas` component
 * (staff/components/ec-canvas, declared in the dashboard page's `usingComponents`). That
 * component finds its canvas in its own scope once laid out and sends `init` with the Canvas
 * node, the size of its container and the device pixel ratio; echarts is initialised on it
 * with `init(canvas, null, { width, height, devicePixelRatio })`, as echarts-for-weixin does.
 * New data goes through `setOption` on the same chart.
 */
export default function TrendChart({ labels, values, unit, target = null, label }: TrendChartProps) {
  const option = useMemo(() => trendOption({ labels, values, unit, target }), [labels, values, unit, target])
  const chart = useRef<Chart | null>(null)
  const canvas = useRef<WxCanvas | null>(null)
  const latest = useRef(option)
  latest.current = option

  useEffect(() => {
    chart.current?.setOption(option, true)
  }, [option])

  useEffect(
    () => () => {
      chart.current?.dispose()
      chart.current = null
      canvas.current = null
    },
    [],
  )

  const onInit = (e: { detail: InitDetail }) => {
    const { canvas: node, width, height, dpr } = e.detail
    chart.current?.dispose()
    const wx = new WxCanvas(node)
    // zrender's text measuring and any extra canvas it needs go through this canvas.
    echarts.setPlatformAPI({ createCanvas: () => wx as unknown as HTMLCanvasElement, measureText: (text, font) => wx.measureText(text, font) })
    const c = echarts.init(wx as unknown as HTMLElement, null, { width, height, devicePixelRatio: dpr })
    wx.setChart(c)
    c.setOption(latest.current, true)
    chart.current = c
    canvas.current = wx
  }

  const onGesture = (e: { detail: GestureDetail }) => {
    canvas.current?.dispatch(e.detail.kind, e.detail.x, e.detail.y)
  }

  return (
    <View className='trend-chart' aria-label={label}>
      <ec-canvas onInit={onInit} onGesture={onGesture} />
    </View>
  )
}
