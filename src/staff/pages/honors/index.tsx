import { useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { Input, Text, View } from '@tarojs/components'
import { AtButton } from 'taro-ui'
import { type HonorCandidate, honorSaveInput, type HonorView } from '@shared/contracts/report'
import { CITATION_MAX, CITATION_MIN, HONOR_KIND_LABELS, HONOR_KINDS, HONOR_REOPEN_WHO, type HonorKind } from '@shared/domain/report'
import { dayText, shanghaiDate } from '@shared/domain/time'
import ChoiceChips from '../../../components/choice-chips'
import Chip from '../../../components/chip'
import FormField, { FieldTextarea } from '../../../components/form-field'
import PageState from '../../../components/page-state'
import SegmentTabs from '../../../components/segment-tabs'
import { useFormSubmit } from '../../../hooks/use-form-submit'
import { useLoad } from '../../../hooks/use-load'
import { errorMessage } from '../../../services/core/cloud'
import { closeHonors, honorCandidates, listHonors, recordHonorConsent, saveHonor } from '../../../services/report/report'
import { evaluationRoutes } from '../../../utils/evaluation-routes'
import { confirm, toastSuccess, toastText } from '../../../utils/toast'
import 'taro-ui/lib/style/components/button.scss'
import StaffLayout from '../../components/staff-layout'
import './index.scss'

/** 表彰名单: a year's 优秀创业人员, 先进集体 and 先进工作者 named by the city and the caller's district. */
function HonorsBody() {
  const { params } = useRouter()
  const thisYear = Number(shanghaiDate(new Date()).slice(0, 4))
  const [year, setYear] = useState(Number(params.year) || thisYear)
  const data = useLoad(() => listHonors(year), [year])
  const years = [thisYear, thisYear - 1, thisYear - 2].map((y) => ({ key: String(y), label: `${y} 年` }))
  const publish = async () => {
    if (!(await confirm('公布名单', `公布后名单不能再修改，如需修改要请${HONOR_REOPEN_WHO}重新开放。`, '公布'))) return
    try {
      await closeHonors(year, true)
      toastSuccess('已公布')
      void data.reload()
    } catch (e) {
      toastText(errorMessage(e))
    }
  }
  const d = data.data
  return (
    <View className='honors'>
      <View className='honors__head'>
        <View>
          <Text className='honors__title'>表彰名单</Text>
          <Text className='honors__sub'>市、县(区)表彰的优秀创业人员、先进集体和先进工作者；先进集体附命名授牌记录</Text>
        </View>
      </View>
      <SegmentTabs tabs={years} value={String(year)} onChange={(k) => setYear(Number(k))} testIdPrefix='honor-year' />
      {data.status === 'error' && !d ? (
        <PageState kind='error' compact title='名单加载失败' error={data.error} onAction={() => void data.reload()} />
      ) : !d ? (
        <PageState kind='loading' compact />
      ) : (
        <View data-testid='honor-list'>
          {d.lists.map((l) => (
            <Text key={l.orgId} className='honors__meta'>
              {l.orgName}：{l.closed ? `已于 ${dayText(l.closedAt)} 公布` : '名单未公布'}
            </Text>
          ))}
          {d.mayName && !d.closedMine ? (
            <View className='honors__actions'>
              <AtButton size='small' type='secondary' onClick={() => void publish()}>
                公布本单位名单
              </AtButton>
            </View>
          ) : null}
          {d.mayName && !d.closedMine ? <NameForm year={year} onSaved={() => void data.reload()} /> : null}
          {d.items.length === 0 ? <PageState kind='empty' compact title={`${year} 年还没有表彰`} testId='honors-empty' /> : null}
          {HONOR_KINDS.map((k) => {
            const rows = d.items.filter((h) => h.kind === k)
            if (!rows.length) return null
            return (
              <View key={k}>
                <Text className='honors__section'>{HONOR_KIND_LABELS[k]}</Text>
                {rows.map((h) => (
                  <View key={h.id} className='honors__card' data-testid='honor-row'>
                    <View className='honors__card-head'>
                      <Text className='honors__name'>{h.subjectName}</Text>
                      <Chip small tone='primary' label={h.byOrgName} />
                    </View>
                    <Text className='honors__meta'>{h.subjectOrgName}</Text>
                    <Text className='honors__citation'>{h.citation}</Text>
                    {h.award ? (
                      // The 命名/授牌 is shown on the community's application (evaluation-detail's award card).
                      <Text className='honors__meta' data-testid={`honor-award-${h.id}`} onClick={() => h.award && void Taro.navigateTo({ url: evaluationRoutes.detail(h.award.applicationId) })}>
                        命名授牌：{h.award.documentNo}（{h.award.date}）查看 ›
                      </Text>
                    ) : null}
                    {k === 'entrepreneur' ? <Text className='honors__meta'>{h.consent ? `本人同意在创业故事中展示（${h.consent.how}，${h.consent.recordedByName} ${dayText(h.consent.at)} 记录）` : '本人尚未同意展示，不在创业故事中出现'}</Text> : null}
                    {k === 'entrepreneur' && h.mayEdit && !d.closedMine ? <ConsentForm h={h} onSaved={() => void data.reload()} /> : null}
                  </View>
                ))}
              </View>
            )
          })}
        </View>
      )}
    </View>
  )
}

/** 命名表彰: the office picks a kind, finds who to name (in its scope), writes the citation; a resident may be linked to their story. */
function NameForm({ year, onSaved }: { year: number; onSaved: () => void }) {
  const [kind, setKind] = useState<HonorKind>('entrepreneur')
  const [keyword, setKeyword] = useState('')
  const [searched, setSearched] = useState({ kind: 'entrepreneur' as HonorKind, keyword: '' })
  const [subject, setSubject] = useState<HonorCandidate | null>(null)
  const [storyId, setStoryId] = useState<string | null>(null)
  const [citation, setCitation] = useState('')
  const found = useLoad(() => honorCandidates(searched.kind, searched.keyword), [searched.kind, searched.keyword])
  const form = useFormSubmit({
    schema: honorSaveInput,
    submit: (v) => saveHonor(v),
    successToast: '已列入表彰名单',
    then: () => {
      setSubject(null)
      setCitation('')
      setStoryId(null)
      onSaved()
    },
  })
  const pickKind = (k: HonorKind) => {
    setKind(k)
    setSubject(null)
    setStoryId(null)
    setSearched({ kind: k, keyword })
  }
  const items = found.data?.kind === kind ? found.data.items : []
  const stories = found.data?.kind === 'entrepreneur' ? found.data.stories : []
  return (
    <View className='honors__card honors__form' data-testid='honor-form'>
      <Text className='honors__section'>{year} 年命名表彰</Text>
      <FormField label='类别' required error={form.errors.kind}>
        <ChoiceChips options={[...HONOR_KINDS]} labels={HONOR_KIND_LABELS} value={kind} onChange={(v) => pickKind(v as HonorKind)} testIdPrefix='honor-kind' />
      </FormField>
      <FormField label={kind === 'entrepreneur' ? '创业人员（已创业或经营中的帮扶对象）' : kind === 'collective' ? '单位' : '工作人员'} required error={form.errors.subjectId}>
        <View className='honors__row'>
          <Input className='form-field__input honors__grow' value={keyword} maxlength={20} placeholder='输入姓名或名称查找' onInput={(e) => setKeyword(e.detail.value)} nativeProps={{ 'data-testid': 'honor-keyword', 'aria-label': '查找' }} />
          <AtButton size='small' onClick={() => setSearched({ kind, keyword: keyword.trim() })}>
            查找
          </AtButton>
        </View>
        <View className='honors__choices' data-testid='honor-candidates'>
          {found.status === 'error' ? <Text className='honors__meta'>{errorMessage(found.error)}</Text> : null}
          {items.map((c) => (
            <Chip key={c.id} small label={`${c.name} · ${c.orgName}${c.note ? ` · ${c.note}` : ''}`} active={subject?.id === c.id} onClick={() => setSubject(c)} testId={`honor-candidate-${c.id}`} />
          ))}
          {found.data && !items.length ? <Text className='honors__meta'>没有找到，换个名字试试</Text> : null}
        </View>
      </FormField>
      {kind === 'entrepreneur' ? (
        <FormField label='展示在哪篇创业故事' hint='本人同意后才会在故事页显示；可以不选' error={form.errors.storyId}>
          <View className='honors__choices'>
            <Chip small label='不关联' active={storyId === null} onClick={() => setStoryId(null)} />
            {stories.map((st) => (
              <Chip key={st.id} small label={`${st.title}（${st.person}）`} active={storyId === st.id} onClick={() => setStoryId(st.id)} testId={`honor-story-${st.id}`} />
            ))}
          </View>
        </FormField>
      ) : null}
      <FormField label='表彰事迹' required error={form.errors.citation} hint={`${CITATION_MIN}–${CITATION_MAX} 个字`}>
        <FieldTextarea value={citation} onInput={setCitation} maxlength={CITATION_MAX} placeholder='写明主要事迹，如带动就业人数、获得的帮扶' testId='honor-citation' />
      </FormField>
      <View data-testid='honor-save'>
        <AtButton type='primary' disabled={Boolean(form.busy)} onClick={() => void form.run({ year, kind, subjectId: subject?.id ?? '', citation, storyId: kind === 'entrepreneur' ? storyId : null })}>
          {subject ? `将 ${subject.name} 列为${HONOR_KIND_LABELS[kind]}` : '列入表彰名单'}
        </AtButton>
      </View>
    </View>
  )
}

/** Records how the named resident agreed to show the 表彰 on their story, or withdraws it. */
function ConsentForm({ h, onSaved }: { h: HonorView; onSaved: () => void }) {
  const [how, setHow] = useState('')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState('')
  const act = async (consent: boolean) => {
    if (busy) return
    setBusy(true)
    setError('')
    try {
      await recordHonorConsent(h.id, consent, how.trim())
      toastSuccess(consent ? '已记录本人同意' : '已撤回，故事页不再显示')
      setHow('')
      onSaved()
    } catch (e) {
      setError(errorMessage(e))
    } finally {
      setBusy(false)
    }
  }
  return (
    <View className='honors__consent' data-testid='honor-consent'>
      {h.consent ? (
        <Text className='honors__link' onClick={() => void act(false)}>
          撤回本人同意
        </Text>
      ) : (
        <View className='honors__row'>
          <Input className='form-field__input honors__grow' value={how} maxlength={60} placeholder='本人如何同意，如：电话确认、书面签字' onInput={(e) => setHow(e.detail.value)} nativeProps={{ 'data-testid': 'honor-consent-how', 'aria-label': '同意方式' }} />
          <AtButton size='small' type='secondary' disabled={busy} onClick={() => void act(true)}>
            记录本人同意
          </AtButton>
        </View>
      )}
      {error ? <Text className='honors__error'>{error}</Text> : null}
    </View>
  )
}

export default function HonorsPage() {
  return (
    <StaffLayout page='staffHonors'>
      <HonorsBody />
    </StaffLayout>
  )
}
