import { type ReactNode, useState } from 'react'
import { Text, View } from '@tarojs/components'
import { AtButton } from 'taro-ui'
import type { PageOf } from '@shared/contracts/common'
import ListFooter from '../../../components/list-footer'
import PageState from '../../../components/page-state'
import { usePagedList } from '../../../hooks/use-paged-list'

/** What every listed row has: an id and, when known, whether I may edit it (absent: my subtree's, so yes). */
export interface EditableRow {
  _id: string
  editable?: boolean
}

export interface ResourceSectionProps<T extends EditableRow> {
  /** Test id stem: `<kind>-list`, `<kind>-row`, `new-<kind>`. */
  kind: string
  intro: string
  addText: string
  emptyTitle: string
  emptyText: string
  fetchPage: (after: string | null) => Promise<PageOf<T>>
  renderRow: (item: T) => ReactNode
  /** The form for a new item (null) or an edit; `onDone(true)` refreshes the list. */
  renderForm: (item: T | null, onDone: (saved: boolean) => void) => ReactNode
}

/**
 * One resource kind on 服务资源: its list (newest first, paged), an inline form to add one or
 * edit a row I may edit, and the loading / empty / error states.
 */
export function ResourceSection<T extends EditableRow>(props: ResourceSectionProps<T>) {
  const { kind } = props
  const [editing, setEditing] = useState<T | 'new' | null>(null)
  const list = usePagedList(props.fetchPage, [])
  const done = (saved: boolean) => {
    setEditing(null)
    if (saved) void list.refresh({ quiet: true })
  }
  return (
    <View>
      <View className='resources__head'>
        <Text className='resources__sub'>{props.intro}</Text>
        {editing === null ? (
          <View data-testid={`new-${kind}`}>
            <AtButton type='primary' size='small' onClick={() => setEditing('new')}>
              ＋ {props.addText}
            </AtButton>
          </View>
        ) : null}
      </View>
      {editing !== null ? (
        <View className='resources__form' key={editing === 'new' ? 'new' : editing._id} data-testid={`${kind}-form`}>
          {props.renderForm(editing === 'new' ? null : editing, done)}
        </View>
      ) : null}
      {list.status === 'loading' ? (
        <PageState kind='loading' compact />
      ) : list.status === 'error' ? (
        <PageState kind='error' compact title='加载失败' error={list.error} onAction={() => void list.refresh()} />
      ) : list.items.length === 0 ? (
        <PageState kind='empty' compact title={props.emptyTitle} description={props.emptyText} testId={`${kind}-empty`} />
      ) : (
        <View data-testid={`${kind}-list`}>
          {list.items.map((item) => (
            <View key={item._id} className='resources__card' data-testid={`${kind}-row`}>
              {props.renderRow(item)}
              {item.editable !== false ? (
                <View className='resources__actions'>
                  <View role='button' className='resources__link' onClick={() => setEditing(item)} data-testid={`${kind}-edit`}>
                    修改
                  </View>
                </View>
              ) : null}
            </View>
          ))}
          <ListFooter list={list} />
        </View>
      )}
    </View>
  )
}
