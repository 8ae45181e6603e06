// Every topic has its own art from the kept icon set, and a card's art follows its lead topic.
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { NO_TOPIC_ICON, TOPIC_ICONS, artImage, artIcon, iconPath, topicIcon } from '@/domain/topic-art'
import { ICON_PATHS } from '@/domain/topic-art-paths'
import { TOPICS, type FederationFile, type Topic } from '@/domain/types'

const MOCK = join(__dirname, '../../mock')
const files = readdirSync(MOCK)
  .filter((f) => f.endsWith('.json'))
  .map((f) => JSON.parse(readFileSync(join(MOCK, f), 'utf8')) as FederationFile)

describe('topic art', () => {
  it('gives every topic an icon of its own, with path data', () => {
    const icons = TOPICS.map(topicIcon)
    for (const name of icons) expect(ICON_PATHS[name]).toMatch(/^M[\d.\s-]/)
    expect(new Set(icons).size).toBe(TOPICS.length)
    // The icon of a card without topics is none of the topics' icons, so it never passes for one.
    expect(icons).not.toContain(NO_TOPIC_ICON)
    expect(TOPIC_ICONS).toHaveLength(TOPICS.length)
    expect(topicIcon('维权关爱')).toBe('umbrella')
    expect(topicIcon('宣传引领')).toBe('speakerphone')
  })

  it("takes a card's lead topic, and the no-topic icon when it names none or one it does not know", () => {
    expect(artIcon(['健康', '就业创业'])).toBe('stethoscope')
    expect(artIcon(['就业创业', '健康'])).toBe('briefcase')
    expect(artIcon([])).toBe(NO_TOPIC_ICON)
    expect(artIcon(undefined)).toBe(NO_TOPIC_ICON)
    expect(topicIcon('星际' as Topic)).toBe(NO_TOPIC_ICON)
  })

  it('has art for every topic the federations and their sections name', () => {
    const named = files.flatMap((f) => [
      ...f.topics,
      ...f.sections.map((s) => s.topic),
      ...f.programs.map((p) => p.topic),
    ])
    for (const t of named) expect(topicIcon(t)).not.toBe(NO_TOPIC_ICON)
  })

  it('makes a CSS image of the icon in one stroke colour, its characters escaped for a url()', () => {
    const css = artImage('seedling', '#C62828')
    const m = /^url\("data:image\/svg\+xml,([^"]*)"\)$/.exec(css)
    if (!m) throw new Error(`not a data URI image: ${css}`)
    // Nothing inside the url() that would end it or start a fragment.
    expect(m[1]).not.toMatch(/["#<>\s()]/)
    const svg = decodeURIComponent(m[1])
    expect(svg).toContain('stroke="#C62828"')
    expect(svg).toContain(`d="${iconPath('seedling')}"`)
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg" viewBox="0 0 24 24" fill="none"/)
  })
})
