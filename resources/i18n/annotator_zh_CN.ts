<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name></name>
    <message>
        <source>&amp;New corpus…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create a new, empty corpus file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open corpus…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open an existing corpus file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Import articles…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import articles (text, HTML, JSON, JSONL, CSV) or labelled data (Annotator JSONL, doccano, Label Studio, brat) into this corpus</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import &amp;folder…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import every article file in a folder and its subfolders, brat .txt and .ann pairs included</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Export dataset…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write the corpus, or the articles and labels you choose, as a dataset that NLP tools load (JSONL, doccano, brat, Label Studio, CSV, W3C…)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Restore from backup…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>List the automatic backups of this corpus and restore one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close Annotator (everything is already saved)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Undo the last edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Redo the last undone edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Redo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Delete annotation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete the selected span</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit &amp;note…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attach a note to the selected span</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Annotate &amp;all occurrences…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Label every other occurrence of the selected span&apos;s text in this article</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Grow span at &amp;start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move the start of the selected span one word (or character) left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shrink span at s&amp;tart</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move the start of the selected span one word (or character) right</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Grow span at &amp;end</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move the end of the selected span one word (or character) right</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shrink span at e&amp;nd</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move the end of the selected span one word (or character) left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;nap selections to whole words</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Extend a selection that cuts a word to the whole word; switch off for character precision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Annotator &amp;name…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set the name recorded with every new annotation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Manage labels…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add, rename, recolour, reorder or delete labels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Next article</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the next article in the list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Previous article</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the previous article in the list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mark &amp;done and go to next</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mark this article done and open the next one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mark &amp;in progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Take the done mark off this article</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Find article…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter the article list by title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Go to &amp;text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move the keyboard focus to the article text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Go to article &amp;list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move the keyboard focus to the list of articles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Go to annotation l&amp;ist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move the keyboard focus to the annotations of this article</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoom &amp;in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Larger text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoom &amp;out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Smaller text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Reset zoom</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Default text size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Review annotations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every annotation of the corpus in one table: filter, sort, relabel, delete, mark reviewed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Search corpus…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Full-text search over every article: words, &quot;phrases&quot;, prefix*, OR, NOT</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Consistency: conflicting labels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Texts labelled differently across the corpus, made consistent in one step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Missed mentions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unlabelled occurrences of texts labelled elsewhere: accept or reject them</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Annotations per label and annotator, articles by status, progress, the most frequent texts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>List every keyboard shortcut</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About Annotator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Version and licence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the &amp;getting-started hint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show again the hint on how to label, review and export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Label the selection (or relabel the selected span) as {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Label</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Article</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;i&gt;{place}&lt;/i&gt;{value} looks back over every label in the corpus;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The Annotations list on the right reviews this article&apos;s spans;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;i&gt;{value}&lt;/i&gt; writes a dataset.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no article {article_id} in this corpus.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot open corpus</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{exc} The corpus was left as it was.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot reopen corpus</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restored the backup of {taken}. What the corpus held before is kept as the backup {name}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not {lower}: {exc}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The corpus file could not be written, so the edit was not made: {exc}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{text}. Ctrl+Z undoes it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add annotation</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Add %n annotation(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Delete annotation</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Delete %n annotation(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Add label {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit label {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reorder labels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete label {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mark article {lower}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Label every “{short}” {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Label missed “{short}”</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Label %n missed mention(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Reject missed “{short}”</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Reject %n missed mention(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Looking for missed mentions…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Consistency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{text}” already carries one label.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That article is no longer in the corpus.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Look through the corpus again (F5)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refresh the consistency lists</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Texts labelled in more than one way across the corpus</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The label every annotation of the selected text will carry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Make co&amp;nsistent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give every annotation of the selected text the chosen label (Ctrl+Z undoes it)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Label all a&amp;s:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Conflicts</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%Ln text(s) labelled in more than one way.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Every text carries one label.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unlabelled whole-word occurrences of texts labelled elsewhere. Double-click to see one in its article.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Acce&amp;pt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Label the selected mentions with their suggested label</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Reject</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>These are not mentions: never list them again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accep&amp;t all</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Label every mention in the list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re&amp;ject all</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reject every mention in the list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Missed &amp;mentions</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%Ln missed mention(s).</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>No missed mentions: every labelled text is labelled wherever it occurs.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The corpus has changed since these lists were made.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Annotations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Labels (count)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Written {spellings}; labelled </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>.
Pick a label below and press Make consistent to give it to all of them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Suggested label</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Article</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Context</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{text}” in article {article_id} ({title}), characters {start}–{end}.
Labelled {name} most often elsewhere. Double-click to see it in the article.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Annotator corpus (*.db *.sqlite *.annotator);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Articles ({patterns});;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import articles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import a folder of articles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Importing {name}…  ({files_done:,} of {total_files:,} files)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import stopped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The corpus file could not be written: {exc}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import finished</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>  … and {value:,} more</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The other files were imported. Open the details to see why each input was rejected.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Some spans were left out or split. Open the details to see each one, where it was and why.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export dataset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exporting article {done:,} of {total:,}…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export cancelled; nothing was written.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not write the export: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not export: {exc}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export finished</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the details to see each span that was adjusted or left out.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>… and {value:,} more</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Licence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Corpus</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>in memory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{qVersion} (PySide6 {version__}), Python {python_version}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About Annotator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;h2&gt;Annotator {escape}&lt;/h2&gt;&lt;p&gt;Label spans in news articles. Every label is kept in a local SQLite corpus file and saved the moment you make it.&lt;/p&gt;&lt;table&gt;{rows}&lt;/table&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Copy details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open data folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Annotate all occurrences</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Characters {s}–{e}</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Label these %n other occurrence(s) of “{needle}” as &lt;b&gt;{label_name}&lt;/b&gt;. Uncheck the ones to leave alone.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Check &amp;all</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check &amp;none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Label {n}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>UTF-16 code units (what doccano counts)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Code points (Python&apos;s text[start:end])</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The dataset format; below it, what the format keeps and what it loses</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How this format counts character positions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Offsets:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Format:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save to:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export articles marked {lower}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export spans with the checked labels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export spans by the checked annotators</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Labels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Annotators</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Articles and spans</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;plit into train, dev and test files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shuffle the articles with the seed and write one part per file (or folder)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The same seed always gives the same parts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Split</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;span style=&apos;color:#555&apos;&gt;&lt;b&gt;Keeps&lt;/b&gt; {value}.&lt;br&gt;&lt;b&gt;Loses&lt;/b&gt; {value2}.&lt;/span&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a folder (or type a name ending in .zip)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the file to write</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A new or empty folder, or a .zip file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A {extension} file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export to folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export to file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{description} (*{extension});;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose where to save the export.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The folder {parent} does not exist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{path} is a file; the {name} format writes a folder (or a name ending in .zip).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{path} already holds other files, and an export replaces the whole folder: choose a new or empty folder, or a .zip file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{path} is a folder; the {name} format writes a file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose at least one status.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose at least one label.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose at least one annotator.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The split must add up to 100 %, not {sum} %.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A split needs at least a train and a dev part.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>already exists</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>already exist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replace {what}?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{names} {exist}. Replace {them} with this export?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Label set</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a new label</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Delete…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete the selected label</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move &amp;up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move the label up (Alt+Up)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move do&amp;wn</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move the label down (Alt+Down)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shown in the app</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Written to exports, e.g. LOCATION</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the label&apos;s colour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>None</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the changes to this label</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Tag:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Colour:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Hotkey:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changes are saved at once and can be undone with Ctrl+Z.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Label colour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New label {n}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete the label “{name}”?</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>

%n annotation(s) carry it and will be deleted with it.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>

You can undo this with Ctrl+Z.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete label</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Taken</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Articles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unreadable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{path}
This file cannot be read as a corpus.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore from backup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Annotator backs up &lt;b&gt;{name}&lt;/b&gt; when it opens it and every 10 minutes while you edit, keeping the newest 10. Restoring replaces the whole corpus with the chosen backup; the current state is backed up first, so a restore can itself be undone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No backups yet. Use Back up now to take one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Restore…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replace the corpus with the selected backup (asks first)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Back up now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Take a backup of the corpus as it is now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open &amp;folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replace {name} with the backup taken {when} ({articles:,} articles, {annotations:,} annotations)?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Everything in the corpus now is backed up first, so you can go back to it from this list. The undo history is cleared.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move the caret / extend the selection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Arrows, Ctrl+Arrows, Home, End (+Shift)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a word</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Double-click</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a span</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Click it, or move the caret into it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Review table: open the annotation in its article, selected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter, Double-click</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Review table: relabel the selected rows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1–9 (the label keys)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Review table: mark the selected rows reviewed / unmark them</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+R / Ctrl+U</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Review table: delete the selected rows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open a search hit or a missed mention in its article</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Go from the search field to its results</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Down</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shortcut</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Command</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select some text first, then press a label key.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The selection holds only spaces: nothing to label.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{text}” is already labelled {name}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Label “{short}” as {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Labelled “{short}” as {name}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Relabel “{short}” as {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Click a span first to delete it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Click a span first to resize it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The span cannot be made any smaller or larger that way.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resize span</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Label {count} more “{short}” as {value}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>System language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{value} — Annotator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recent &amp;corpora</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Undo {t}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Redo {t}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Automatic backup failed: {m}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is the last article.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is the first article.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Marked done. That was the last article in the list.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note on “{text}”:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No other whole-word occurrence of “{text}” to label.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Annotator name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name recorded with your annotations:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New annotations are recorded as {strip}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Annotator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This article was changed by another program; showing its current state.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{windowTitle} (file gone)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This corpus is not a file: there are no backups of it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New corpus</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{path} already exists. Use File › Open corpus to open it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open corpus</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Label</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{text}
{value} · {start}–{end} · by {annotator}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>
Note: {note}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Spans</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{title}
(article {id})</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Relabel %n annotation(s) as {name}</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Mark %n annotation(s) reviewed</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Unmark %n annotation(s) reviewed</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>That annotation no longer exists.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing to relabel: already {name}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing to delete.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>None of them is marked reviewed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Review annotations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter or double-click opens a span in its article; 1–9 relabel, Delete deletes, Ctrl+R marks reviewed (Ctrl+U unmarks) the selected rows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Relabel a&amp;s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give the selected annotations another label (keys 1–9 in the table)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mark &amp;reviewed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record that you reviewed the selected annotations (Ctrl+R in the table)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Unmark</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Take the reviewed mark off the selected annotations (Ctrl+U in the table)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete the selected annotations (Delete in the table); Ctrl+Z brings them back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open in article</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the current annotation in its article, selected (Enter or double-click)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mark &amp;reviewed	Ctrl+R</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Unmark	Ctrl+U</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>&amp;Delete %Ln annotation(s)	Delete</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Counting matches… (first {rowCount:,} shown)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All {total:,} {noun}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No annotations in this corpus yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Covered text contains…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show annotations whose covered text contains this (case-insensitive), or matches it as a regular expression</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re&amp;gex</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read the text filter as a Python regular expression (case-sensitive; add (?i) to ignore case)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show one label only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the annotations of one annotator only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show annotations in articles of this status only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Any status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show reviewed annotations, or those still to review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reviewed or not</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not reviewed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reviewed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show annotations last changed between these two days (inclusive)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>First day of the last change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last day of the last change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show every annotation again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Any label</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Any annotator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Invalid regular expression: {msg} (at position {pos}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In context</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not count the matches: {message}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sort by {column}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (the covered text)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{value} · {title} · characters {start}–{end}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>By {annotator}, last changed {local_time}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reviewed by {reviewed_by} on {local_time}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note: {note}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter or double-click: open it in its article</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search corpus</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search every article: words, &quot;a phrase&quot;, prefix*, OR, NOT</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Words match whole words in any case (Chinese also inside longer runs).
&quot;Greater Bay Area&quot; finds the phrase, Guang* words starting with Guang,
Foshan OR Jiangmen either, Foshan NOT Midea excludes. Enter searches at once; ↓ goes to the results.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Search further</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Look at more articles for further matches</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter or double-click opens the article with the match selected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Match in context</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(the title matches)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type words to search every article. &quot;a phrase&quot;, prefix*, OR, NOT and ( ) work too.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No matches</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>{articles}, {hits} and %Ln title match(es) shown</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln article(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln hit(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>{articles}, {hits} shown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> so far; more when you scroll or press Search further</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>characters {start}–{end}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{title}
Article {article_id}, {where}. Enter or double-click opens it there.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SELECT count(*), max(updated), total(id), total(label_id), total(start), total(&quot;end&quot;),
                   (SELECT status FROM articles WHERE id = ?) FROM annotations WHERE article_id = ?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No labels yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Statistics</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Articles marked done, of all articles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Annotations per label</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Articles by status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Annotations by annotator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Most frequent texts per label (top {TOP_TEXTS})</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>{done:,} of %Ln article(s) done</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln annotation(s) in all</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Every edit is written to the corpus file the moment you make it; there is nothing to save.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✓ All changes saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Article {value:,} of {total:,}</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%Ln annotation(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>✓ All changes saved ({now:%H:%M:%S})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter by title…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show only articles whose title contains this text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No article open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose an article in the list, or import some with File › Import articles (Ctrl+I).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Article {id}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select text in the article, then press a label&apos;s key ({keys}) or click its button above.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select text in the article, then click a label&apos;s button above (give labels keys in Label › Manage labels).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Welcome to Annotator.&lt;/b&gt; {how} Click a span to relabel or delete it; Ctrl+Z undoes. Every label is saved at once. {review} {export} &lt;i&gt;Help › Keyboard shortcuts&lt;/i&gt; (F1) lists every key.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Don&apos;t show again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hide this hint now and whenever Annotator starts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hide this hint (it shows again next time)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Labels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Label the selection as {name} (exported as {tag})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>. Shortcut: {hotkey}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Noto Serif</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Georgia</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>DejaVu Serif</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Noto Serif CJK SC</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open an article from the list to start labelling.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b style=&apos;color:{value}&apos;&gt;■&lt;/b&gt; {escape}: {escape2}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
