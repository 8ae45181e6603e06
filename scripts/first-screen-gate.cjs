// Whether the feed's prerendered first screen (scripts/first-screen.mjs) is what this visitor's feed
// will draw. It is a picture of the feed as a first visit sees it: 全国, no filter, the browser's
// default font size, 大字模式 off. Anything else would show her one page and then swap it for another,
// so the picture is dropped and she waits for the app as before.
//
// Inlined into index.html as it is, before any bundle loads: ES5, no build step, nothing imported.
// The keys are the app's (STORE_KEY in src/store, MY_REGION_KEY in src/features/feed/my-region);
// tests/scripts/first-screen-gate.test.ts checks them against what the app really stores.

/**
 * `where`: location's hash and search. `stored(key)`: localStorage's raw value or null.
 * `fontPx`: the computed size of `font-size: medium` (16 unless she enlarged the browser's text).
 */
function firstScreenFits(where, stored, fontPx) {
  var path = where.hash.replace(/^#/, '')
  if (path !== '' && path !== '/' && path !== '/pages/feed/index') return false
  // A scene (Moments' single-page mode) or any other query the app reads changes the page.
  if (/[?&]scene=/.test(where.search)) return false
  if (fontPx !== 16) return false
  // Taro's H5 storage keeps each value as {"data": value}; the app's values are JSON strings.
  function read(key) {
    try {
      var box = JSON.parse(stored(key) || 'null')
      return box && typeof box.data === 'string' ? JSON.parse(box.data) : null
      // ES5 has no catch without a binding.
      // eslint-disable-next-line @typescript-eslint/no-unused-vars
    } catch (e) {
      return null
    }
  }
  var app = read('jg.app')
  if (app && app.state && app.state.largeFont === true) return false
  var region = read('jg.region')
  // The feed opens on her region when one is remembered and she did not go back to 全国.
  if (region && region.mine && region.showing !== false) return false
  return true
}

/**
 * The inline script: drops the picture now if it does not fit, or later if she leaves the feed
 * before the app has drawn it. The app removes it once the feed has drawn (releaseFirstScreen).
 */
function firstScreenScript() {
  return (
    '(function(){var s=document.getElementById("first-screen");if(!s)return;' +
    firstScreenFits.toString() +
    'function probe(){var p=document.createElement("div");p.style.cssText="position:absolute;visibility:hidden;font-size:medium";' +
    'document.body.appendChild(p);var px=parseFloat(getComputedStyle(p).fontSize);document.body.removeChild(p);return px}' +
    'function stored(k){try{return localStorage.getItem(k)}catch(e){return null}}' +
    'function check(){if(s.parentNode&&!firstScreenFits(location,stored,probe())){s.parentNode.removeChild(s);removeEventListener("hashchange",check)}}' +
    'check();addEventListener("hashchange",check)})()'
  )
}

module.exports = { firstScreenFits, firstScreenScript }
