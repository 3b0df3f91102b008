import { Text, View } from '@tarojs/components'
import type { EventListItem } from '@shared/contracts/event'
import { EVENT_PHASE_LABELS, type EventPhase, SIGNUP_STATUS_LABELS } from '@shared/domain/event-labels'
import { eventTimeLabel } from '../../utils/event-time'
import Chip from '../chip'
import './index.scss'

export interface EventCardProps {
  /** The event as the list returns it. */
  event: EventListItem
  /** Tap on the card (opens the event). */
  onClick?: () => void
}

const PHASE_TONES: Record<EventPhase, 'primary' | 'neutral' | 'success' | 'warning' | 'danger'> = {
  signup: 'primary',
  upcoming: 'neutral',
  ongoing: 'success',
  ended: 'neutral',
  cancelled: 'danger',
}

/** An event in the resident list: when, where, how full, and whether I signed up. */
export default function EventCard({ event, onClick }: EventCardProps) {
  const { counts } = event
  const left = Math.max(0, counts.capacity - counts.confirmed)
  const full = left === 0
  return (
    <View role='button' className='event-card' data-testid='event-card' data-id={event._id} onClick={onClick}>
      <View className='event-card__head'>
        <Chip small tone={PHASE_TONES[event.phase]} label={EVENT_PHASE_LABELS[event.phase]} />
        {event.mine ? <Chip small tone='success' label={`我${SIGNUP_STATUS_LABELS[event.mine]}`} testId='event-card-mine' /> : null}
      </View>
      <Text className='event-card__title'>{event.title}</Text>
      <View className='event-card__line'>
        <Text className='event-card__label'>时间</Text>
        <Text className='event-card__text'>{eventTimeLabel(event.startAt, event.endAt)}</Text>
      </View>
      <View className='event-card__line'>
        <Text className='event-card__label'>地点</Text>
        <Text className='event-card__text'>{event.place}</Text>
      </View>
      <View className='event-card__foot'>
        <Text className='event-card__org'>{event.orgName}</Text>
        <Text className={`event-card__seats${full ? ' event-card__seats--full' : ''}`}>
          {full ? (counts.waitlisted ? `已满 · ${counts.waitlisted} 人候补` : '名额已满，可候补') : `还剩 ${left} 个名额`}
        </Text>
      </View>
    </View>
  )
}
