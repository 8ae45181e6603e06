// What the platform provides to the layers above (device storage, an HTTP transport), as plain
// types with no Taro in them: services and tests import these without loading the platform.

/** The small slice of device storage the services need; `set` throws when storage is full. */
export interface KeyValueStore {
  get(key: string): string | null
  set(key: string, value: string): void
  remove(key: string): void
}

export interface HttpRequest {
  url: string
  method: 'GET' | 'POST' | 'PUT' | 'DELETE'
  data?: unknown
  header: Record<string, string>
  timeout: number
  /** 'text' for a file (CSV); JSON otherwise. */
  responseType?: 'json' | 'text'
}

export interface HttpResponse {
  statusCode: number
  data: unknown
}

/** Sends one request; rejects only when no answer came (offline, timeout). Taro.request in the app. */
export type Transport = (req: HttpRequest) => Promise<HttpResponse>

/** A photo she chose, ready to send: a temp file path on weapp; on H5 also the file itself. */
export interface PickedImage {
  /** A path or blob: URL an <Image> can show as the preview. */
  path: string
  /** Bytes, as the phone reports them (checked again by the server). */
  size: number
  file?: Blob
}

/** Sends one file as a multipart upload (field "file"); rejects only when no answer came. */
export type FileUpload = (req: {
  url: string
  method: 'PUT'
  header: Record<string, string>
  image: PickedImage
  /** 0…1 as the bytes go out. */
  onProgress?: (fraction: number) => void
}) => Promise<HttpResponse>
