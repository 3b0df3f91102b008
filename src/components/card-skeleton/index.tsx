import { View } from '@tarojs/components'
import './index.scss'

export interface CardSkeletonProps {
  /** How many placeholder cards. Default 3. */
  count?: number
}

/** Grey placeholder cards shown while a list loads, shaped like a policy card. */
export default function CardSkeleton({ count = 3 }: CardSkeletonProps) {
  return (
    <View className='card-skeleton' data-testid='list-loading' aria-busy='true'>
      {Array.from({ length: count }, (_, i) => (
        <View className='card-skeleton__card' key={i}>
          <View className='card-skeleton__bar card-skeleton__bar--tag' />
          <View className='card-skeleton__bar card-skeleton__bar--title' />
          <View className='card-skeleton__bar' />
          <View className='card-skeleton__bar card-skeleton__bar--short' />
        </View>
      ))}
    </View>
  )
}
