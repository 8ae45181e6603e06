// Taro's page hooks (route params, pull-down, reaching the bottom, showing again), so pages and
// subpackages reach the platform only through src/platform.
export { useDidHide, useDidShow, usePullDownRefresh, useReachBottom, useRouter } from '@tarojs/taro'
