import { Text, View } from '@tarojs/components'
import type { PolicyListItem } from '@shared/contracts/policy'
import { POLICY_CATEGORY_LABELS, validityLabel } from '@shared/domain/policy'
import { TARGET_GROUP_LABELS } from '@shared/domain/target-groups'
import Chip from '../chip'
import './index.scss'

export interface PolicyCardProps {
  /** The policy as the list returns it. */
  policy: PolicyListItem
  /** Tap on the card (opens the detail). */
  onClick?: () => void
  /** At most this many group tags, then "等 N 类". Default 3. */
  maxGroups?: number
}

/** A policy in the resident list: category, title, summary, what you get, for whom, who issues it. */
export default function PolicyCard({ policy, onClick, maxGroups = 3 }: PolicyCardProps) {
  const groups = policy.targetGroups.slice(0, maxGroups)
  const more = policy.targetGroups.length - groups.length
  return (
    <View role='button' className='policy-card' data-testid='policy-card' data-id={policy._id} onClick={onClick}>
      <View className='policy-card__head'>
        <Chip small label={POLICY_CATEGORY_LABELS[policy.category]} />
      </View>
      <Text className='policy-card__title'>{policy.title}</Text>
      <Text className='policy-card__summary'>{policy.summary}</Text>
      <View className='policy-card__benefit'>
        <Text className='policy-card__benefit-label'>扶持</Text>
        <Text className='policy-card__benefit-text'>{policy.benefit}</Text>
      </View>
      {groups.length ? (
        <View className='policy-card__groups'>
          <Text className='policy-card__groups-label'>适合</Text>
          {groups.map((g) => (
            <Chip key={g} small tone='neutral' label={TARGET_GROUP_LABELS[g]} />
          ))}
          {more > 0 ? <Text className='policy-card__more'>等 {policy.targetGroups.length} 类人群</Text> : null}
        </View>
      ) : null}
      <View className='policy-card__foot'>
        <Text className='policy-card__org'>{policy.orgName}</Text>
        <Text className='policy-card__validity'>{validityLabel(policy)}</Text>
      </View>
    </View>
  )
}
