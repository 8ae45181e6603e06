const weapp = process.env.TARO_ENV === 'weapp'

const tabBarList = [
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
]

// weapp follows the system theme through theme.json variables; H5 has no such mechanism for its
// navigation and tab bars, so it gets plain colours and its pages follow prefers-color-scheme in CSS.
export default defineAppConfig({
  pages: ['pages/feed/index', 'pages/mine/index'],
  // Report and program pages live in subpackages whose roots keep the shared deep links
  // (/pages/report/index?id=…); the feed preloads them so a tap opens without waiting.
  subPackages: [
    { root: 'pages/report', pages: ['index', 'source'] },
    { root: 'pages/program', pages: ['index'] },
    // Sign-up, its result, detail and the privacy page: none is needed for the first screen.
    { root: 'subpackages/signup', pages: ['form/index', 'done/index', 'detail/index', 'privacy/index'] },
    // The feed's region picker: the national division table (~215 KB) loads with it, not at start.
    { root: 'subpackages/region', pages: ['index'] },
    // 可报名的培训 across every federation: reached from the feed and 我的报名.
    { root: 'subpackages/trainings', pages: ['index'] },
    // The report as a swipeable story, one figure a screen: opened from the report or a shared link.
    { root: 'subpackages/story', pages: ['index'] },
    // The poster and its QR code library load only when she asks for a poster.
    { root: 'subpackages/share', pages: ['poster/index'] },
    // The organizer's pages. The mini-program has her sign-in, home and check-in at the door; the
    // card editor and the programs editor are browser pages, as is the roster's CSV download.
    {
      root: 'subpackages/organizer',
      pages: weapp ? ['index', 'checkin/index'] : ['index', 'card/index', 'programs/index', 'checkin/index'],
    },
  ],
  preloadRule: {
    'pages/feed/index': { network: 'all', packages: ['pages/report', 'pages/program'] },
    'pages/program/index': { network: 'all', packages: ['subpackages/signup'] },
  },
  window: weapp
    ? {
        navigationBarTitleText: '巾帼年终盘点',
        navigationBarBackgroundColor: '@navBgColor',
        navigationBarTextStyle: '@navTextStyle',
        backgroundColor: '@bgColor',
        backgroundTextStyle: '@bgTextStyle',
      }
    : {
        navigationBarTitleText: '巾帼年终盘点',
        navigationBarBackgroundColor: '#b71c1c',
        navigationBarTextStyle: 'white',
        backgroundColor: '#f6f2ef',
        backgroundTextStyle: 'dark',
      },
  tabBar: weapp
    ? {
        color: '@tabColor',
        selectedColor: '@tabSelectedColor',
        backgroundColor: '@tabBgColor',
        // A theme.json variable; Taro's type only knows the literal values.
        borderStyle: '@tabBorderStyle' as 'black',
        list: tabBarList,
      }
    : {
        color: '#5b524c',
        selectedColor: '#b71c1c',
        backgroundColor: '#ffffff',
        borderStyle: 'black',
        list: tabBarList,
      },
  // __usePrivacyCheck__: WeChat routes every privacy API through onNeedPrivacyAuthorization.
  ...(weapp ? { darkmode: true, themeLocation: 'theme.json', __usePrivacyCheck__: true } : {}),
  lazyCodeLoading: 'requiredComponents',
})
