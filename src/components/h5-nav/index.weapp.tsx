// The mini-program has WeChat's own navigation bar: the build takes this file for weapp, so none of
// the H5 bar's code is in its package.
export function H5Nav() {
  return null
}
