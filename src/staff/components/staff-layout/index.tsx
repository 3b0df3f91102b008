import { type ReactNode, useEffect, useState } from 'react'
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import type { StaffPageKey } from '@shared/domain/pages'
import { ROLE_LABELS } from '@shared/domain/roles'
import { passwordSignIn, signOut } from '../../../services/core/session'
import type { Me } from '@shared/contracts/profile'
import { getMe, knownMe } from '../../../services/profile/profile'
import { routes } from '../../../utils/routes'
import { confirm } from '../../../utils/toast'
import { sectionOf, sectionsFor, sectionUrl, type StaffSection } from './sections'
import './index.scss'

export interface StaffLayoutProps {
  /** The page being shown: its section is marked in the navigation. */
  page: StaffPageKey
  children?: ReactNode
}

/**
 * The frame of every staff page. At 1024 px and wider: a side navigation with every section the
 * signed-in role may use (`sectionsFor`, from `ROLE_PERMISSIONS`), the current one marked; on a
 * phone: a compact bar naming the section, whose 菜单 opens the same sections. Sections replace
 * each other (redirect), so the back button leads out of the desk, not through it. Before the
 * caller is known to be staff the page shows alone (it says loading or asks to sign in).
 */
export default function StaffLayout({ page, children }: StaffLayoutProps) {
  const [me, setMe] = useState<Me | null>(knownMe)
  const [open, setOpen] = useState(false)
  useEffect(() => {
    let live = true
    getMe()
      .then((m) => live && setMe(m))
      .catch(() => undefined)
    return () => {
      live = false
    }
  }, [])
  const staff = me?.kind === 'staff' ? me.staff : null
  // The page keeps one place in the tree whether or not the frame is drawn yet: if it moved when
  // the profile arrived, React would mount the page a second time, and its page hooks (refresh on
  // show, pull-down, load more) would start over and miss the next return to the page.
  if (!staff) {
    return (
      <View className='staff-layout staff-layout--bare'>
        {null}
        {null}
        {null}
        <View className='staff-layout__main'>{children}</View>
      </View>
    )
  }

  const sections = sectionsFor(staff.role)
  const current = sectionOf(page)
  const go = (s: StaffSection) => {
    setOpen(false)
    if (current?.key === s.key && page === s.home) return
    void Taro.redirectTo({ url: sectionUrl(s) })
  }
  const logout = async () => {
    if (!(await confirm('退出登录', '退出后将以居民身份继续使用。', '退出'))) return
    await signOut()
    void Taro.reLaunch({ url: routes.mine })
  }
  const items = (variant: 'side' | 'menu') =>
    sections.map((s) => {
      const active = current?.key === s.key
      return (
        <View
          key={s.key}
          role='link'
          className={`staff-layout__item staff-layout__item--${variant}${active ? ' staff-layout__item--active' : ''}`}
          data-testid={`nav-${s.key}`}
          data-current={active ? 'true' : 'false'}
          aria-current={active ? 'page' : undefined}
          onClick={() => go(s)}
        >
          <Text>{s.label}</Text>
        </View>
      )
    })

  return (
    <View className='staff-layout' data-role={staff.role}>
      <View className='staff-layout__side' data-testid='staff-side-nav'>
        <View className='staff-layout__brand'>
          <Text className='staff-layout__brand-name'>创业社区</Text>
          <Text className='staff-layout__brand-sub'>工作人员</Text>
        </View>
        <View className='staff-layout__who'>
          <Text className='staff-layout__who-name'>{staff.name}</Text>
          <Text className='staff-layout__who-role'>
            {ROLE_LABELS[staff.role]} · {staff.orgName}
          </Text>
        </View>
        <View className='staff-layout__nav'>{items('side')}</View>
        <View className='staff-layout__foot'>
          <View role='link' className='staff-layout__foot-link' data-testid='nav-resident' onClick={() => void Taro.switchTab({ url: routes.index })}>
            <Text>居民端首页</Text>
          </View>
          {passwordSignIn ? (
            <View role='button' className='staff-layout__foot-link' data-testid='nav-logout' onClick={() => void logout()}>
              <Text>退出登录</Text>
            </View>
          ) : null}
        </View>
      </View>

      <View className='staff-layout__bar' data-testid='staff-menu' data-section={current?.key ?? ''}>
        {/* The page title bar already names the page: the bar says who is working, and opens the sections. */}
        <View className='staff-layout__bar-title'>
          <Text className='staff-layout__bar-section'>{staff.name}</Text>
          <Text className='staff-layout__bar-who'>
            {ROLE_LABELS[staff.role]}
            {current && current.key !== 'workbench' ? ` · ${current.label}` : ''}
          </Text>
        </View>
        <View role='button' className={`staff-layout__bar-button${open ? ' staff-layout__bar-button--open' : ''}`} data-testid='staff-menu-button' onClick={() => setOpen(!open)}>
          <Text>{open ? '收起' : '菜单'}</Text>
        </View>
      </View>
      {open ? (
        <View className='staff-layout__menu' data-testid='staff-menu-panel'>
          {items('menu')}
        </View>
      ) : null}

      <View className='staff-layout__main'>{children}</View>
    </View>
  )
}
