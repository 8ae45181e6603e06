// Choosing one photo and sending it as a multipart upload with its progress: chooseMedia and
// Taro.uploadFile on weapp; a file input, FormData and XMLHttpRequest (fetch has no upload
// progress) on H5. Only the card editor's subpackage imports this file.
import Taro from '@tarojs/taro'
import { isWeapp } from './index'
import type { FileUpload, PickedImage } from './types'

/** What the picker offers: the types the server takes. */
const ACCEPT = 'image/jpeg,image/png,image/webp'

/** A photo from the album or the camera; null when she cancels. */
export async function choosePhoto(): Promise<PickedImage | null> {
  if (isWeapp) {
    try {
      // 'compressed' lets WeChat shrink a 12 MB camera photo before it spends her data.
      const r = await Taro.chooseMedia({
        count: 1,
        mediaType: ['image'],
        sourceType: ['album', 'camera'],
        sizeType: ['compressed'],
      })
      const f = r.tempFiles[0]
      return f ? { path: f.tempFilePath, size: f.size } : null
    } catch {
      return null
    }
  }
  return new Promise((resolve) => {
    const input = document.createElement('input')
    input.type = 'file'
    input.accept = ACCEPT
    input.setAttribute('aria-label', '选择封面图片')
    input.style.display = 'none'
    const done = (picked: PickedImage | null) => {
      input.remove()
      resolve(picked)
    }
    input.addEventListener('change', () => {
      const file = input.files?.[0]
      done(file ? { path: URL.createObjectURL(file), size: file.size, file } : null)
    })
    input.addEventListener('cancel', () => done(null))
    document.body.appendChild(input)
    input.click()
  })
}

/** The FileUpload the workspace Api sends a cover with. */
export const photoUpload: FileUpload = ({ url, method, header, image, onProgress }) => {
  if (isWeapp) {
    // uploadFile always POSTs; the server takes the same upload on PUT and POST for this reason.
    void method
    return new Promise((resolve, reject) => {
      const task = Taro.uploadFile({
        url,
        filePath: image.path,
        name: 'file',
        header,
        timeout: 60_000,
        success: (r) => resolve({ statusCode: r.statusCode, data: r.data }),
        fail: () => reject(new Error('upload failed')),
      })
      task.onProgressUpdate?.((p) => onProgress?.(p.progress / 100))
    })
  }
  return new Promise((resolve, reject) => {
    if (!image.file) return reject(new Error('no file'))
    const form = new FormData()
    form.append('file', image.file)
    const xhr = new XMLHttpRequest()
    xhr.open(method, url)
    for (const [k, v] of Object.entries(header)) xhr.setRequestHeader(k, v)
    xhr.timeout = 60_000
    xhr.upload.onprogress = (ev) => ev.lengthComputable && onProgress?.(ev.loaded / ev.total)
    xhr.onload = () => resolve({ statusCode: xhr.status, data: xhr.responseText })
    xhr.onerror = () => reject(new Error('upload failed'))
    xhr.ontimeout = () => reject(new Error('upload timed out'))
    xhr.send(form)
  })
}
