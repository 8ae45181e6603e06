// The page stack for the H5 navigation bar: whether there is a page to go back to, and going back.
// Only the H5 bar imports it (weapp has WeChat's own bar).
import Taro from '@tarojs/taro'

/** Pages on the stack: more than one means 返回 has somewhere to go. */
export function pageDepth(): number {
  try {
    return Taro.getCurrentPages().length
  } catch {
    return 0
  }
}

export function navigateBack() {
  void Promise.resolve(Taro.navigateBack({ delta: 1 })).catch(() => undefined)
}
