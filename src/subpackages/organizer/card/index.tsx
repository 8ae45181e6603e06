import { PageShell } from '@/components/page-shell'
import { CardEditorView } from '@/features/workspace-card/card-editor-view'
import { useCardEditor } from '@/features/workspace-card/use-card-editor'

export default function CardEditorPage() {
  const editor = useCardEditor()
  return (
    <PageShell>
      <CardEditorView e={editor} />
    </PageShell>
  )
}
