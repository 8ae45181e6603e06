export default defineAppConfig({
  pages: ['pages/feed/index', 'pages/mine/index'],
  window: {
    navigationBarTitleText: '巾帼年终盘点',
    navigationBarBackgroundColor: '#b71c1c',
    navigationBarTextStyle: 'white',
    backgroundColor: '#f6f2ef',
    backgroundTextStyle: 'dark',
  },
  tabBar: {
    color: '#5b524c',
    selectedColor: '#b71c1c',
    backgroundColor: '#ffffff',
    borderStyle: 'black',
    list: [
      {
        pagePath: 'pages/feed/index',
        text: '年终盘点',
        iconPath: 'assets/tab/feed.png',
        selectedIconPath: 'assets/tab/feed-active.png',
      },
      {
        pagePath: 'pages/mine/index',
        text: '我的报名',
        iconPath: 'assets/tab/mine.png',
        selectedIconPath: 'assets/tab/mine-active.png',
      },
    ],
  },
  lazyCodeLoading: 'requiredComponents',
})
