import type { IntentSubmitInput } from '../../../_shared/contracts/intent'
import { CONSENT_VERSION } from '../../../_shared/domain/case'

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]

/** A valid 18-digit ID number from its first 17 digits (the check digit computed). */
export function idCard(first17: string): string {
  let sum = 0
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i]
  return first17 + '10X98765432'[sum % 11]
}

export const ID_A = idCard('51040219900101123')
export const ID_B = idCard('51040219850615002')
export const ID_C = idCard('51041119951203045')

/** A complete, valid registration for community A. */
export function registration(over: Partial<IntentSubmitInput> = {}): IntentSubmitInput {
  return {
    communityId: 'comm-a',
    name: '张小梅',
    phone: '13812345678',
    idCard: ID_A,
    gender: 'female',
    ageBand: '25-34',
    education: 'college',
    household: 'rural',
    targetGroups: ['returning_migrant'],
    familySituation: '家里四口人，孩子上小学，丈夫在外打工',
    skillLevel: 'intermediate',
    certificates: ['中式面点师（中级）'],
    industry: 'catering',
    projectDescription: '想在社区开一家早餐店，卖包子馒头和豆浆',
    projectPhase: 'preparing',
    needs: ['funding', 'site'],
    fundingAmount: 50000,
    contactTime: 'weekday_evening',
    projectInterestIds: [],
    consent: true,
    consentVersion: CONSENT_VERSION,
    ...over,
  }
}
