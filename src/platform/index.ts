// The one door to platform APIs (storage, navigation, feedback), so weapp/H5 differences live here.
import Taro from '@tarojs/taro'
import type { KeyValueStore } from '@/services/mock/mock-api'

export const storage: KeyValueStore & { remove(key: string): void } = {
  get(key) {
    try {
      // A missing key comes back as '' on both platforms; treat it as absent.
      const v: unknown = Taro.getStorageSync(key)
      return typeof v === 'string' && v !== '' ? v : null
    } catch {
      return null
    }
  },
  set(key, value) {
    // Throws when storage is full (10 MB in all, 1 MB a key); callers decide what to tell the user.
    Taro.setStorageSync(key, value)
  },
  remove(key) {
    try {
      Taro.removeStorageSync(key)
    } catch {
      // removing is best-effort
    }
  },
}

export function toast(title: string, icon: 'none' | 'success' | 'error' = 'none') {
  void Taro.showToast({ title, icon, duration: 2000 }).catch(() => undefined)
}

export function stopPullDownRefresh() {
  void Promise.resolve(Taro.stopPullDownRefresh()).catch(() => undefined)
}

export function navigateTo(url: string) {
  void Taro.navigateTo({ url }).catch(() => undefined)
}

export function switchTab(url: string) {
  void Taro.switchTab({ url }).catch(() => undefined)
}
