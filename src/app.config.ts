export default defineAppConfig({
  pages: [
    'pages/index/index',
    'pages/events/index',
    'pages/mine/index',
    'pages/policy-detail/index',
    'pages/profile-edit/index',
  ],
  subPackages: [
    {
      root: 'staff',
      pages: ['pages/login/index', 'pages/policies/index', 'pages/policy-edit/index', 'pages/bind/index', 'pages/team/index'],
    },
  ],
  window: {
    backgroundTextStyle: 'dark',
    backgroundColor: '#f4f5f7',
    navigationBarBackgroundColor: '#ffffff',
    navigationBarTitleText: '创业社区',
    navigationBarTextStyle: 'black',
    // WeChat's own bar; on H5 this makes Taro draw the same bar (title and a back button).
    navigationStyle: 'default',
  },
  tabBar: {
    color: '#8f959e',
    selectedColor: '#2861d8',
    backgroundColor: '#ffffff',
    borderStyle: 'white',
    list: [
      {
        pagePath: 'pages/index/index',
        text: '政策',
        iconPath: 'assets/tabbar/policy.png',
        selectedIconPath: 'assets/tabbar/policy-active.png',
      },
      {
        pagePath: 'pages/events/index',
        text: '活动',
        iconPath: 'assets/tabbar/events.png',
        selectedIconPath: 'assets/tabbar/events-active.png',
      },
      {
        pagePath: 'pages/mine/index',
        text: '我的',
        iconPath: 'assets/tabbar/mine.png',
        selectedIconPath: 'assets/tabbar/mine-active.png',
      },
    ],
  },
  lazyCodeLoading: 'requiredComponents',
})
