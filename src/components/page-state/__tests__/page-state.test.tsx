/**
 * The shared error view every page uses: it says what happened and offers 重试 only when trying
 * again can help. Rendered to markup with Taro's and taro-ui's components as plain elements.
 */
import * as React from 'react'
import { ApiError, unwrapEnvelope } from '../../../services/core/cloud-core'

jest.mock('@tarojs/components', () => {
  const R = jest.requireActual<typeof import('react')>('react')
  const host = (tag: string) => ({ children, className, ...rest }: Record<string, unknown>) =>
    R.createElement(tag, { className: className as string | undefined, ...Object.fromEntries(Object.entries(rest).filter(([k]) => k.startsWith('data-') || k === 'role')) }, children as React.ReactNode)
  return { View: host('div'), Text: host('span') }
})
jest.mock('taro-ui', () => {
  const R = jest.requireActual<typeof import('react')>('react')
  return {
    AtActivityIndicator: ({ content }: { content?: string }) => R.createElement('i', null, content),
    AtIcon: () => R.createElement('i'),
    AtButton: ({ children }: { children?: React.ReactNode }) => R.createElement('button', null, children),
  }
})
jest.mock('taro-ui/lib/style/components/activity-indicator.scss', () => ({}))
jest.mock('taro-ui/lib/style/components/loading.scss', () => ({}))
jest.mock('taro-ui/lib/style/components/button.scss', () => ({}))
jest.mock('../index.scss', () => ({}))
jest.mock('../../stale-notice/index.scss', () => ({}))

import PageState from '../index'
import StaleNotice from '../../stale-notice/index'

// react-dom ships no types here (no @types/react-dom in the project): type the one function used.
const { renderToStaticMarkup } = require('react-dom/server') as { renderToStaticMarkup: (element: React.ReactElement) => string }

// The sources are compiled with the classic JSX runtime here, which reads `React` at render time.
;(globalThis as { React?: typeof React }).React = React

const reload = () => undefined
const render = (error: unknown) =>
  renderToStaticMarkup(<PageState kind='error' title='政策加载失败' error={error} onAction={reload} />)
const hasRetry = (html: string) => html.includes('role="button"><div class="at-button__text">重试</div>')

const network = new ApiError('NETWORK', '网络不太好，请检查网络后重试')
const validation = new ApiError('VALIDATION', '填写的内容有误，请按提示修改', [{ path: 'name', message: '请填写姓名' }], 400)

describe('PageState with the failure behind it', () => {
  it('a network failure says to check the network and offers 重试', () => {
    const html = render(network)
    expect(html).toContain('检查网络后重试')
    expect(html).toContain('data-error-kind="network"')
    expect(hasRetry(html)).toBe(true)
  })

  it('a validation error shows the field message and no 重试 (the same input would fail again)', () => {
    const html = render(validation)
    expect(html).toContain('请填写姓名')
    expect(html).toContain('data-error-kind="validation"')
    expect(hasRetry(html)).toBe(false)
  })

  it('no permission says whom to ask and offers no 重试; an expired sign-in says to sign in again', () => {
    const forbidden = render(new ApiError('FORBIDDEN', '仅限工作人员使用', [], 403))
    expect(forbidden).toContain('联系社区工作人员')
    expect(hasRetry(forbidden)).toBe(false)
    const expired = render(new ApiError('UNAUTHENTICATED', '请先登录', [], 401))
    expect(expired).toContain('重新登录')
    expect(hasRetry(expired)).toBe(false)
  })

  it('a server fault says to try later and offers 重试', () => {
    const html = render(new ApiError('INTERNAL', '服务暂时不可用，请稍后再试', [], 500))
    expect(html).toContain('稍后再试')
    expect(hasRetry(html)).toBe(true)
  })

  it('the rate limit as the server sends it reads 稍等 N 秒, with 重试 for after the wait', () => {
    let caught: unknown
    try {
      // What make-main answers over the per-caller limit.
      unwrapEnvelope({ ok: false, error: { code: 'RATE_LIMITED', message: '操作太频繁，请稍后再试', retryAfter: 12 } }, 429)
    } catch (e) {
      caught = e
    }
    const html = render(caught)
    expect(html).toContain('稍等 12 秒')
    expect(html).toContain('data-error-kind="rateLimited"')
    expect(hasRetry(html)).toBe(true)
  })

  it('a page that names its own action (重新登录) keeps it whatever the error', () => {
    const html = renderToStaticMarkup(
      <PageState kind='error' title='登录已过期' error={new ApiError('UNAUTHENTICATED', '', [], 401)} actionText='重新登录' onAction={reload} />,
    )
    expect(html).toContain('role="button"><div class="at-button__text">重新登录</div>')
  })
})

describe('StaleNotice over last time\'s list', () => {
  const list = (error: unknown) => ({ stale: true, error, refresh: async () => undefined })
  it('offers 点此重试 after a network failure, not after a refusal', () => {
    const offline = renderToStaticMarkup(<StaleNotice list={list(network)} />)
    expect(offline).toContain('网络不太好')
    expect(offline).toContain('点此重试')
    const refused = renderToStaticMarkup(<StaleNotice list={list(new ApiError('FORBIDDEN', '没有权限查看', [], 403))} />)
    expect(refused).toContain('没有权限查看')
    expect(refused).not.toContain('点此重试')
  })
})
