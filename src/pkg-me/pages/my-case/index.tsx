import { Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { AtButton } from 'taro-ui'
import type { MyCase } from '@shared/contracts/intent'
import {
  FOLLOW_UP_KIND_LABELS,
  INDUSTRY_LABELS,
  CASE_STAGE_HINTS,
  CASE_STAGE_LABELS,
  CASE_STATUS_LABELS,
  NEED_LABELS,
  PROJECT_PHASE_LABELS,
  VENTURE_KIND_LABELS,
  VENTURE_STATUS_LABELS,
  type CaseStage,
} from '@shared/domain/case'
import { dayText } from '@shared/domain/time'
import { BENEFIT_KIND_LABELS, LOAN_STEP_LABELS, yuanLabel } from '@shared/domain/money'
import Chip from '../../../components/chip'
import FeedbackLink from '../../../components/feedback-link'
import NoticeBanner from '../../../components/notice-banner'
import MentorCard from '../../../components/mentor-card'
import PageState from '../../../components/page-state'
import SubscribeReminder from '../../../components/subscribe-reminder'
import { usePageLoad } from '../../../hooks/use-page-load'
import { errorMessage } from '../../../services/core/cloud'
import { myCase, withdrawIntent } from '../../../services/intent/intent'
import { intentRoutes } from '../../../utils/intent-routes'
import { confirm, toastSuccess, toastText } from '../../../utils/toast'
import 'taro-ui/lib/style/components/button.scss'
import 'taro-ui/lib/style/components/loading.scss'
import './index.scss'
import { withCareMode } from '../../../components/care-root'

/** The path a case normally takes; 已结案 is shown only when reached. */
const PATH: CaseStage[] = ['registered', 'guided', 'trained', 'started', 'operating']


/** 我的创业档案: the resident's registration, where it stands, and what the community has done. */
function MyCasePage() {
  // Set by the registration form on success: the moment to offer policy reminders.
  const registered = useRouter().params.registered === '1'
  const data = usePageLoad(() => myCase(), [])
  if (data.status === 'error' && !data.data) {
    return <PageState kind='error' title='创业档案没能打开' error={data.error} onAction={() => void data.reload()} />
  }
  if (!data.data) return <PageState kind='loading' />
  const c = data.data.current
  if (!c) {
    return (
      <View>
        <PageState
          kind='empty'
          icon='lightning-bolt'
          title='你还没有登记创业意向'
          description='登记后，社区创业指导员会一对一联系你，帮你解决资金、场地、办证这些难题'
          actionText='去登记'
          onAction={() => void Taro.redirectTo({ url: intentRoutes.form() })}
          testId='my-case-empty'
        />
        <View className='my-case__claim' data-testid='my-case-claim' onClick={() => void Taro.navigateTo({ url: intentRoutes.claim })}>
          <Text>社区工作人员帮我登记过？用手机号认领 ›</Text>
        </View>
      </View>
    )
  }
  return <CaseBody c={c} onChanged={() => void data.reload()} justRegistered={registered} />
}

function CaseBody({ c, onChanged, justRegistered }: { c: MyCase; onChanged: () => void; justRegistered: boolean }) {
  const withdrawn = c.status === 'withdrawn'
  const reached = new Map<CaseStage, string>()
  for (const t of c.timeline) reached.set(t.stage, t.at)
  const currentRank = PATH.indexOf(c.stage)
  const steps: CaseStage[] = c.stage === 'closed' ? [...PATH.filter((s) => reached.has(s)), 'closed'] : PATH

  const withdraw = async () => {
    if (!(await confirm('撤回登记', '撤回后社区将不再跟进，以后想创业可以重新登记。', '撤回'))) return
    try {
      await withdrawIntent(c._id)
      toastSuccess('已撤回')
      onChanged()
    } catch (e) {
      toastText(errorMessage(e))
    }
  }

  return (
    <View className='my-case' data-testid='my-case' data-stage={c.stage} data-status={c.status}>
      <View className='my-case__hero'>
        <View className='my-case__hero-head'>
          <Text className='my-case__name'>{c.name}</Text>
          <Chip small tone={withdrawn ? 'neutral' : c.status === 'accepted' ? 'success' : 'warning'} label={CASE_STATUS_LABELS[c.status]} testId='my-case-status' />
        </View>
        <Text className='my-case__sub'>
          {c.communityName} · {INDUSTRY_LABELS[c.industry]} · 登记于 {dayText(c.createdAt)}
        </Text>
        {!withdrawn ? (
          <Text className='my-case__stage' data-testid='my-case-stage'>
            现在：{CASE_STAGE_LABELS[c.stage]}
          </Text>
        ) : null}
      </View>

      {justRegistered && !withdrawn ? (
        <SubscribeReminder testId='case-subscribe' intro='登记好了！订阅后，有适合你的扶持政策会第一时间告诉你' suggest={{ targetGroups: c.targetGroups }} />
      ) : null}

      {withdrawn ? (
        <View className='my-case__banner'>
          <NoticeBanner tone='warning' text='这条登记已撤回。想重新开始，可以再登记一次' actionText='重新登记' onAction={() => void Taro.redirectTo({ url: intentRoutes.form() })} />
        </View>
      ) : c.editable ? (
        <View className='my-case__banner'>
          <NoticeBanner text='社区还没受理，现在可以修改登记内容' actionText='修改' onAction={() => void Taro.navigateTo({ url: intentRoutes.form({ edit: true }) })} testId='my-case-edit' />
        </View>
      ) : null}

      <View className='my-case__card'>
        <Text className='my-case__card-title'>进展</Text>
        <View className='my-case__timeline' data-testid='my-case-timeline'>
          {steps.map((s, i) => {
            const at = reached.get(s)
            // A stage counts as done only when the case went through it; one it skipped says so.
            const done = !withdrawn && (Boolean(at) || s === 'registered')
            const skipped = !done && !withdrawn && s !== 'closed' && PATH.indexOf(s) < currentRank
            const now = s === c.stage && !withdrawn
            return (
              <View key={s} className={`my-case__step${done ? ' my-case__step--done' : ''}${now ? ' my-case__step--now' : ''}`} data-testid={`timeline-${s}`} data-done={done ? 'true' : 'false'}>
                <View className='my-case__rail'>
                  <View className='my-case__dot' />
                  {i < steps.length - 1 ? <View className='my-case__line' /> : null}
                </View>
                <View className='my-case__step-body'>
                  <View className='my-case__step-head'>
                    <Text className='my-case__step-title'>{CASE_STAGE_LABELS[s]}</Text>
                    {at ? <Text className='my-case__step-date'>{dayText(at)}</Text> : null}
                  </View>
                  <Text className='my-case__step-hint'>{done ? CASE_STAGE_HINTS[s] : skipped ? '这一步跳过了' : '还没到这一步'}</Text>
                </View>
              </View>
            )
          })}
        </View>
      </View>

      <MentorCard mentor={c.mentor} />
      <View className='my-case__card' data-testid='my-case-followups'>
        <Text className='my-case__card-title'>社区帮你做了什么</Text>
        {c.followUps.length === 0 ? (
          <Text className='my-case__empty'>{withdrawn ? '没有记录' : '创业指导员会尽快联系你，请留意电话'}</Text>
        ) : (
          [...c.followUps].reverse().map((f) => (
            <View key={f.id} className='my-case__item' data-testid='my-case-followup'>
              <View className='my-case__item-head'>
                <Chip small label={FOLLOW_UP_KIND_LABELS[f.kind]} />
                <Text className='my-case__item-date'>{f.date}</Text>
              </View>
              <Text className='my-case__item-text'>{f.note}</Text>
              {f.projectTitle ? <Text className='my-case__item-extra'>推荐项目：{f.projectTitle}</Text> : null}
              {f.outcome ? <Text className='my-case__item-extra'>结果：{f.outcome}</Text> : null}
              {f.nextFollowUpDate ? <Text className='my-case__item-extra'>下次联系：{f.nextFollowUpDate}</Text> : null}
            </View>
          ))
        )}
      </View>

      {c.ventures.length ? (
        <View className='my-case__card' data-testid='my-case-ventures'>
          <Text className='my-case__card-title'>我的企业 / 个体户</Text>
          {c.ventures.map((v) => (
            <View key={v.id} className='my-case__item'>
              <View className='my-case__item-head'>
                <Text className='my-case__item-title'>{v.name}</Text>
                <Chip small tone={v.status === 'operating' ? 'success' : 'neutral'} label={VENTURE_STATUS_LABELS[v.status]} />
              </View>
              <Text className='my-case__item-extra'>
                {VENTURE_KIND_LABELS[v.kind]} · {v.registrationDate} 登记 · 带动 {v.jobsCreated} 人就业
              </Text>
            </View>
          ))}
        </View>
      ) : null}

      {c.benefits.length ? (
        <View className='my-case__card'>
          <Text className='my-case__card-title'>已享受的政策</Text>
          {c.benefits.map((b) => (
            <View key={b.id} className='my-case__item'>
              <View className='my-case__item-head'>
                <Text className='my-case__item-title'>{b.policyTitle}</Text>
                <Text className='my-case__item-date'>{b.date}</Text>
              </View>
              <Text className='my-case__item-extra'>
                {BENEFIT_KIND_LABELS[b.kind]}
                {b.amountFen ? ` · ${yuanLabel(b.amountFen)}` : ''}
              </Text>
            </View>
          ))}
        </View>
      ) : null}

      {c.loans.length ? (
        <View className='my-case__card' data-testid='my-loans'>
          <Text className='my-case__card-title'>我的创业担保贷款</Text>
          {c.loans.map((l) => (
            <View key={l.id} className='my-case__item' data-testid='my-loan'>
              <View className='my-case__item-head'>
                <Text className='my-case__item-title'>{l.policyTitle}</Text>
                <Text className='my-case__item-date'>{l.date}</Text>
              </View>
              <Text className='my-case__item-extra'>
                {LOAN_STEP_LABELS[l.step]}：{l.hint}
              </Text>
              <Text className='my-case__item-extra'>{l.steps.map((s) => LOAN_STEP_LABELS[s.step]).join(' → ')}</Text>
            </View>
          ))}
        </View>
      ) : null}

      <View className='my-case__card'>
        <Text className='my-case__card-title'>我的登记</Text>
        <Row label='手机号' value={c.phoneMasked} />
        <Row label='身份证号' value={c.idCardMasked} />
        <Row label='想法' value={c.projectDescription} />
        <Row label='进展' value={PROJECT_PHASE_LABELS[c.projectPhase]} />
        <Row label='需要帮助' value={c.needs.length ? c.needs.map((n) => NEED_LABELS[n]).join('、') : '暂不需要'} />
        {c.fundingAmount !== null ? <Row label='资金缺口' value={`${c.fundingAmount.toLocaleString('zh-CN')} 元`} /> : null}
        {c.projectInterests.length ? <Row label='感兴趣的项目' value={c.projectInterests.map((p) => p.title).join('、')} /> : null}
      </View>

      <FeedbackLink about={{ kind: 'case', id: c._id, title: '我的创业档案', communityId: c.communityId }} text='对帮扶有意见或建议？反馈/投诉' testId='case-feedback' />

      {!withdrawn ? (
        <View className='my-case__withdraw' data-testid='my-case-withdraw'>
          <AtButton type='secondary' size='small' onClick={() => void withdraw()}>
            撤回登记
          </AtButton>
        </View>
      ) : null}
    </View>
  )
}

function Row({ label, value }: { label: string; value: string }) {
  return (
    <View className='my-case__row'>
      <Text className='my-case__label'>{label}</Text>
      <Text className='my-case__value'>{value}</Text>
    </View>
  )
}

export default withCareMode(MyCasePage)
