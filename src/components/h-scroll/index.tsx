import type { ReactNode } from 'react'
import { ScrollView } from '@tarojs/components'

export interface HScrollProps {
  className: string
  /** What the row holds, read out by screen readers (the H5 row is a focusable region). */
  label: string
  children: ReactNode
}

/** A row that scrolls sideways (the home's category chips): WeChat's scroll-view. H5: index.h5.tsx. */
export default function HScroll({ className, label, children }: HScrollProps) {
  return (
    <ScrollView className={className} scrollX enhanced showScrollbar={false} aria-label={label}>
      {children}
    </ScrollView>
  )
}
