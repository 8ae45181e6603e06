// The smallest Taro 4 build config: the same compiler and framework as the app, nothing else.
import { defineConfig } from '@tarojs/cli'

export default defineConfig<'webpack5'>(() => ({
  projectName: 'empty-taro-app',
  date: '2026-11-23',
  designWidth: 375,
  deviceRatio: { 375: 2, 640: 2.34 / 2, 750: 1, 828: 1.81 / 2 },
  sourceRoot: 'src',
  outputRoot: `dist/${process.env.TARO_ENV}`,
  framework: 'react',
  compiler: 'webpack5',
  cache: { enable: false },
  mini: {},
  h5: { publicPath: '/', staticDirectory: 'static', router: { mode: 'hash' } },
}))
