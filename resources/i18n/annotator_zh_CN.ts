<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
    <context>
        <name />
        <message>
            <source>&amp;New corpus…</source>
            <translation>新建语料库(&amp;N)…</translation>
        </message>
        <message>
            <source>Create a new, empty corpus file</source>
            <translation>新建一个空的语料库文件</translation>
        </message>
        <message>
            <source>&amp;Open corpus…</source>
            <translation>打开语料库(&amp;O)…</translation>
        </message>
        <message>
            <source>Open an existing corpus file</source>
            <translation>打开已有的语料库文件</translation>
        </message>
        <message>
            <source>&amp;Import articles…</source>
            <translation>导入文章(&amp;I)…</translation>
        </message>
        <message>
            <source>Import articles (text, HTML, JSON, JSONL, CSV) or labelled data (Annotator JSONL, doccano, Label Studio, brat) into this corpus</source>
            <translation>将文章（文本、HTML、JSON、JSONL、CSV）或已标注数据（Annotator JSONL、doccano、Label Studio、brat）导入此语料库</translation>
        </message>
        <message>
            <source>Import &amp;folder…</source>
            <translation>导入文件夹(&amp;F)…</translation>
        </message>
        <message>
            <source>Import every article file in a folder and its subfolders, brat .txt and .ann pairs included</source>
            <translation>导入文件夹及其子文件夹中的所有文章文件，包括 brat 的 .txt 与 .ann 文件对</translation>
        </message>
        <message>
            <source>&amp;Export dataset…</source>
            <translation>导出数据集(&amp;E)…</translation>
        </message>
        <message>
            <source>Write the corpus, or the articles and labels you choose, as a dataset that NLP tools load (JSONL, doccano, brat, Label Studio, CSV, W3C…)</source>
            <translation>将语料库（或所选的文章与标签）写成 NLP 工具可加载的数据集（JSONL、doccano、brat、Label Studio、CSV、W3C…）</translation>
        </message>
        <message>
            <source>&amp;Restore from backup…</source>
            <translation>从备份恢复(&amp;R)…</translation>
        </message>
        <message>
            <source>List the automatic backups of this corpus and restore one</source>
            <translation>列出此语料库的自动备份并恢复其中之一</translation>
        </message>
        <message>
            <source>Close Annotator (everything is already saved)</source>
            <translation>关闭 Annotator（所有内容均已保存）</translation>
        </message>
        <message>
            <source>&amp;Quit</source>
            <translation>退出(&amp;Q)</translation>
        </message>
        <message>
            <source>&amp;Undo</source>
            <translation>撤销(&amp;U)</translation>
        </message>
        <message>
            <source>Undo the last edit</source>
            <translation>撤销上一次编辑</translation>
        </message>
        <message>
            <source>Undo</source>
            <translation>撤销</translation>
        </message>
        <message>
            <source>&amp;Redo</source>
            <translation>重做(&amp;R)</translation>
        </message>
        <message>
            <source>Redo the last undone edit</source>
            <translation>重做上一次撤销的编辑</translation>
        </message>
        <message>
            <source>Redo</source>
            <translation>重做</translation>
        </message>
        <message>
            <source>&amp;Delete annotation</source>
            <translation>删除标注(&amp;D)</translation>
        </message>
        <message>
            <source>Delete the selected span</source>
            <translation>删除选中的片段</translation>
        </message>
        <message>
            <source>Edit &amp;note…</source>
            <translation>编辑备注(&amp;N)…</translation>
        </message>
        <message>
            <source>Attach a note to the selected span</source>
            <translation>为选中的片段添加备注</translation>
        </message>
        <message>
            <source>Annotate &amp;all occurrences…</source>
            <translation>标注所有出现(&amp;A)…</translation>
        </message>
        <message>
            <source>Label every other occurrence of the selected span's text in this article</source>
            <translation>在本文中标注与选中片段文本相同的其他所有出现</translation>
        </message>
        <message>
            <source>Grow span at &amp;start</source>
            <translation>向前扩展片段起点(&amp;S)</translation>
        </message>
        <message>
            <source>Shrink span at s&amp;tart</source>
            <translation>从起点收缩片段(&amp;T)</translation>
        </message>
        <message>
            <source>Grow span at &amp;end</source>
            <translation>向后扩展片段终点(&amp;E)</translation>
        </message>
        <message>
            <source>Shrink span at e&amp;nd</source>
            <translation>从终点收缩片段(&amp;N)</translation>
        </message>
        <message>
            <source>S&amp;nap selections to whole words</source>
            <translation>选区吸附到整词(&amp;N)</translation>
        </message>
        <message>
            <source>Annotator &amp;name…</source>
            <translation>标注员姓名(&amp;N)…</translation>
        </message>
        <message>
            <source>Set the name recorded with every new annotation</source>
            <translation>设置记录在每条新标注上的姓名</translation>
        </message>
        <message>
            <source>&amp;Manage labels…</source>
            <translation>管理标签(&amp;M)…</translation>
        </message>
        <message>
            <source>Add, rename, recolour, reorder or delete labels</source>
            <translation>添加、重命名、更改颜色、排序或删除标签</translation>
        </message>
        <message>
            <source>&amp;Next article</source>
            <translation>下一篇文章(&amp;N)</translation>
        </message>
        <message>
            <source>Open the next article in the list</source>
            <translation>打开列表中的下一篇文章</translation>
        </message>
        <message>
            <source>&amp;Previous article</source>
            <translation>上一篇文章(&amp;P)</translation>
        </message>
        <message>
            <source>Open the previous article in the list</source>
            <translation>打开列表中的上一篇文章</translation>
        </message>
        <message>
            <source>Mark &amp;done and go to next</source>
            <translation>标记为已完成并转到下一篇(&amp;D)</translation>
        </message>
        <message>
            <source>Mark this article done and open the next one</source>
            <translation>将本文标记为已完成并打开下一篇</translation>
        </message>
        <message>
            <source>Mark &amp;in progress</source>
            <translation>标记为进行中(&amp;I)</translation>
        </message>
        <message>
            <source>Take the done mark off this article</source>
            <translation>取消本文的“已完成”标记</translation>
        </message>
        <message>
            <source>Filter the article list by title</source>
            <translation>按标题筛选文章列表</translation>
        </message>
        <message>
            <source>Go to &amp;text</source>
            <translation>转到正文(&amp;T)</translation>
        </message>
        <message>
            <source>Move the keyboard focus to the article text</source>
            <translation>将键盘焦点移到文章正文</translation>
        </message>
        <message>
            <source>File › Export dataset</source>
            <translation>文件 › 导出数据集</translation>
        </message>
        <message>
            <source>Go to article &amp;list</source>
            <translation>转到文章列表(&amp;L)</translation>
        </message>
        <message>
            <source>Team</source>
            <translation>团队</translation>
        </message>
        <message>
            <source>Move the start of the selected span one token (or character) left</source>
            <translation>将选中片段的起点左移一个词元（或字符）</translation>
        </message>
        <message>
            <source>Move the start of the selected span one token (or character) right</source>
            <translation>将选中片段的起点右移一个词元（或字符）</translation>
        </message>
        <message>
            <source>Move the end of the selected span one token (or character) right</source>
            <translation>将选中片段的终点右移一个词元（或字符）</translation>
        </message>
        <message>
            <source>Move the end of the selected span one token (or character) left</source>
            <translation>将选中片段的终点左移一个词元（或字符）</translation>
        </message>
        <message>
            <source>&amp;Find in article…</source>
            <translation>在文章中查找(&amp;F)…</translation>
        </message>
        <message>
            <source>Find text in the open article, with next and previous and a count of hits</source>
            <translation>在打开的文章中查找文本，可跳到下一个或上一个，并显示匹配数</translation>
        </message>
        <message>
            <source>Find ne&amp;xt</source>
            <translation>查找下一个(&amp;X)</translation>
        </message>
        <message>
            <source>Go to the next hit of the text being found</source>
            <translation>转到所查文本的下一个匹配</translation>
        </message>
        <message>
            <source>Find pre&amp;vious</source>
            <translation>查找上一个(&amp;V)</translation>
        </message>
        <message>
            <source>Go to the previous hit of the text being found</source>
            <translation>转到所查文本的上一个匹配</translation>
        </message>
        <message>
            <source>Snap a selection's edges to whole words and shed punctuation at them; switch off for character precision</source>
            <translation>将选区边缘吸附到整词并去掉边缘的标点；关闭后可按字符精确选择</translation>
        </message>
        <message>
            <source>&amp;Go to article by title…</source>
            <translation>按标题转到文章(&amp;G)…</translation>
        </message>
        <message>
            <source>Move the keyboard focus to the list of articles</source>
            <translation>将键盘焦点移到文章列表</translation>
        </message>
        <message>
            <source>Go to annotation l&amp;ist</source>
            <translation>转到标注列表(&amp;I)</translation>
        </message>
        <message>
            <source>Move the keyboard focus to the annotations of this article</source>
            <translation>将键盘焦点移到本文的标注列表</translation>
        </message>
        <message>
            <source>Zoom &amp;in</source>
            <translation>放大(&amp;I)</translation>
        </message>
        <message>
            <source>Larger text</source>
            <translation>更大的文字</translation>
        </message>
        <message>
            <source>Zoom &amp;out</source>
            <translation>缩小(&amp;O)</translation>
        </message>
        <message>
            <source>Smaller text</source>
            <translation>更小的文字</translation>
        </message>
        <message>
            <source>&amp;Reset zoom</source>
            <translation>重置缩放(&amp;R)</translation>
        </message>
        <message>
            <source>Default text size</source>
            <translation>默认文字大小</translation>
        </message>
        <message>
            <source>Show label &amp;names</source>
            <translation>显示标签名(&amp;N)</translation>
        </message>
        <message>
            <source>Write each span's label in a small tag after its text (on by default for an article with nested or adjacent spans)</source>
            <translation>在每个片段文本之后以小标记显示其标签（文章中有嵌套或相邻片段时默认开启）</translation>
        </message>
        <message>
            <source>&amp;Review annotations</source>
            <translation>审核标注(&amp;R)</translation>
        </message>
        <message>
            <source>Every annotation of the corpus in one table: filter, sort, relabel, delete, mark reviewed</source>
            <translation>语料库中的所有标注汇于一表：筛选、排序、更改标签、删除、标记为已审核</translation>
        </message>
        <message>
            <source>&amp;Search corpus…</source>
            <translation>搜索语料库(&amp;S)…</translation>
        </message>
        <message>
            <source>Full-text search over every article: words, "phrases", prefix*, OR, NOT</source>
            <translation>在所有文章中全文搜索：词语、"短语"、前缀*、OR、NOT</translation>
        </message>
        <message>
            <source>&amp;Consistency: conflicting labels</source>
            <translation>一致性：冲突的标签(&amp;C)</translation>
        </message>
        <message>
            <source>Texts labelled differently across the corpus, made consistent in one step</source>
            <translation>在语料库中被标注为不同标签的文本，一步即可统一</translation>
        </message>
        <message>
            <source>&amp;Missed mentions</source>
            <translation>遗漏的提及(&amp;M)</translation>
        </message>
        <message>
            <source>Unlabelled occurrences of texts labelled elsewhere: accept or reject them</source>
            <translation>在别处已标注、此处未标注的文本出现：接受或拒绝</translation>
        </message>
        <message>
            <source>Annotations per label and annotator, articles by status, progress, the most frequent texts</source>
            <translation>按标签和标注员统计的标注数、按状态统计的文章数、进度、最常见的文本</translation>
        </message>
        <message>
            <source>S&amp;tatistics</source>
            <translation>统计(&amp;T)</translation>
        </message>
        <message>
            <source>&amp;Keyboard shortcuts</source>
            <translation>键盘快捷键(&amp;K)</translation>
        </message>
        <message>
            <source>List every keyboard shortcut</source>
            <translation>列出所有键盘快捷键</translation>
        </message>
        <message>
            <source>&amp;About Annotator</source>
            <translation>关于 Annotator(&amp;A)</translation>
        </message>
        <message>
            <source>Version and licence</source>
            <translation>版本与许可证</translation>
        </message>
        <message>
            <source>Show the &amp;getting-started hint</source>
            <translation>显示入门提示(&amp;G)</translation>
        </message>
        <message>
            <source>Show again the hint on how to label, review and export</source>
            <translation>再次显示关于如何标注、审核和导出的提示</translation>
        </message>
        <message>
            <source>Label the selection (or relabel the selected span) as {name}</source>
            <translation>将选区标注为（或将选中片段改标为）{name}</translation>
        </message>
        <message>
            <source>&amp;File</source>
            <translation>文件(&amp;F)</translation>
        </message>
        <message>
            <source>&amp;Edit</source>
            <translation>编辑(&amp;E)</translation>
        </message>
        <message>
            <source>&amp;Label</source>
            <translation>标签(&amp;L)</translation>
        </message>
        <message>
            <source>&amp;Article</source>
            <translation>文章(&amp;A)</translation>
        </message>
        <message>
            <source>&amp;View</source>
            <translation>视图(&amp;V)</translation>
        </message>
        <message>
            <source>&amp;Help</source>
            <translation>帮助(&amp;H)</translation>
        </message>
        <message>
            <source>&amp;Assign articles…</source>
            <translation>分配文章(&amp;A)…</translation>
        </message>
        <message>
            <source>Give articles to analysts, balanced, with a preview</source>
            <translation>均衡地将文章分配给标注员，并可预览</translation>
        </message>
        <message>
            <source>&amp;Clear assignments</source>
            <translation>清除分配(&amp;C)</translation>
        </message>
        <message>
            <source>Take every assignment away</source>
            <translation>取消所有分配</translation>
        </message>
        <message>
            <source>&amp;Share for an analyst…</source>
            <translation>为标注员共享(&amp;S)…</translation>
        </message>
        <message>
            <source>Write a corpus file with the articles assigned to one analyst, to work on offline</source>
            <translation>写出一个包含分配给某名标注员的文章的语料库文件，供其离线工作</translation>
        </message>
        <message>
            <source>&amp;Merge corpus files…</source>
            <translation>合并语料库文件(&amp;M)…</translation>
        </message>
        <message>
            <source>Bring other corpus files' work into this corpus (a backup is taken first)</source>
            <translation>将其他语料库文件中的工作合并到此语料库（会先进行备份）</translation>
        </message>
        <message>
            <source>&amp;Blind mode</source>
            <translation>盲标模式(&amp;B)</translation>
        </message>
        <message>
            <source>Each analyst sees only their own annotations (set for this corpus and the files shared from it)</source>
            <translation>每名标注员只能看到自己的标注（对此语料库及从其共享出的文件生效）</translation>
        </message>
        <message>
            <source>&amp;Agreement</source>
            <translation>一致性(&amp;A)</translation>
        </message>
        <message>
            <source>How far the analysts agree: span F1 and kappa for every pair and label, Fleiss' kappa and Krippendorff's alpha</source>
            <translation>标注员之间的一致程度：每对标注员、每个标签的片段 F1 与 kappa，以及 Fleiss' kappa 和 Krippendorff's alpha</translation>
        </message>
        <message>
            <source>A&amp;djudicate this article</source>
            <translation>裁定本文章(&amp;D)</translation>
        </message>
        <message>
            <source>Build the gold layer of the open article from the analysts' layers: agreed spans go in, each disagreement is settled by a key</source>
            <translation>根据各标注员的标注层为当前文章建立金标准层：一致的片段直接采纳，每处分歧按一个键裁定</translation>
        </message>
        <message>
            <source>1–9 (each label's hotkey)</source>
            <translation>1–9（各标签的快捷键）</translation>
        </message>
        <message>
            <source>Label the selection, or relabel the selected span</source>
            <translation>标注选区，或更改选中片段的标签</translation>
        </message>
        <message>
            <source>Select a word (a Chinese word, by jieba)</source>
            <translation>选择一个词（中文按 jieba 分词）</translation>
        </message>
        <message>
            <source>Click a span, or move the caret into it</source>
            <translation>单击片段，或将光标移入其中</translation>
        </message>
        <message>
            <source>Enter, Shift+Enter, Escape</source>
            <translation>Enter、Shift+Enter、Escape</translation>
        </message>
        <message>
            <source>In the find bar: next hit, previous hit, close</source>
            <translation>在查找栏中：下一个匹配、上一个匹配、关闭</translation>
        </message>
        <message>
            <source>Review table, search hits, missed mentions: open the annotation in its article</source>
            <translation>审核表、搜索结果、遗漏的提及：在文章中打开该标注</translation>
        </message>
        <message>
            <source>Conflicts and missed mentions: scan again</source>
            <translation>冲突与遗漏的提及：重新检查</translation>
        </message>
        <message>
            <source>Agreement: list a pair × label cell's disagreements; open the chosen one in its article</source>
            <translation>一致性：列出某个“标注员对 × 标签”单元格的分歧；在文章中打开所选分歧</translation>
        </message>
        <message>
            <source>Adjudication panel: take that version into gold, or none</source>
            <translation>裁定面板：将该版本采纳进金标准，或都不采纳</translation>
        </message>
        <message>
            <source>Tab / Shift+Tab</source>
            <translation>Tab / Shift+Tab</translation>
        </message>
        <message>
            <source>Adjudication panel: next / previous open disagreement</source>
            <translation>裁定面板：下一个 / 上一个未裁定的分歧</translation>
        </message>
        <message>
            <source>&lt;i&gt;{place}&lt;/i&gt;{value} looks back over every label in the corpus;</source>
            <translation>&lt;i&gt;{place}&lt;/i&gt;{value}可回顾语料库中的所有标注；</translation>
        </message>
        <message>
            <source>The Annotations list on the right reviews this article's spans;</source>
            <translation>右侧的“标注”列表列出本文的所有片段；</translation>
        </message>
        <message>
            <source>&lt;i&gt;{value}&lt;/i&gt; writes a dataset.</source>
            <translation>&lt;i&gt;{value}&lt;/i&gt;可写出数据集。</translation>
        </message>
        <message>
            <source>This corpus file was shared for {shared_for}: you work in it as {shared_for}.</source>
            <translation>此语料库文件是为 {shared_for} 共享的：您将以 {shared_for} 的身份在其中工作。</translation>
        </message>
        <message>
            <source>The folder {folder} is read-only (or on a read-only drive), so this corpus is shown for reading: edits are not saved. To edit it, copy it to a writable folder and open the copy.</source>
            <translation>文件夹 {folder} 是只读的（或位于只读驱动器上），因此此语料库以只读方式显示：编辑不会被保存。如需编辑，请将其复制到可写的文件夹并打开副本。</translation>
        </message>
        <message>
            <source>There is no article {article_id} in this corpus.</source>
            <translation>此语料库中没有编号为 {article_id} 的文章。</translation>
        </message>
        <message>
            <source>Cannot open corpus</source>
            <translation>无法打开语料库</translation>
        </message>
        <message>
            <source>Restore failed</source>
            <translation>恢复失败</translation>
        </message>
        <message>
            <source>{exc} The corpus was left as it was.</source>
            <translation>{exc} 语料库保持原样。</translation>
        </message>
        <message>
            <source>Cannot reopen corpus</source>
            <translation>无法重新打开语料库</translation>
        </message>
        <message>
            <source>{failed} The corpus was left as it was.</source>
            <translation>{failed} 语料库保持原样。</translation>
        </message>
        <message>
            <source>Restored the backup of {taken}. What the corpus held before is kept as the backup {name}.</source>
            <translation>已恢复 {taken} 的备份。语料库原先的内容已保存为备份 {name}。</translation>
        </message>
        <message>
            <source>Could not {lower}: {exc}</source>
            <translation>无法{lower}：{exc}</translation>
        </message>
        <message>
            <source>The corpus file could not be written, so the edit was not made: {exc}.</source>
            <translation>无法写入语料库文件，因此未进行此编辑：{exc}。</translation>
        </message>
        <message>
            <source>{text}. Ctrl+Z undoes it.</source>
            <translation>{text}。按 Ctrl+Z 可撤销。</translation>
        </message>
        <message>
            <source>Add annotation</source>
            <translation>添加标注</translation>
        </message>
        <message numerus="yes">
            <source>Add %n annotation(s)</source>
            <translation>
                <numerusform>添加 %n 条标注</numerusform>
            </translation>
        </message>
        <message>
            <source>Delete annotation</source>
            <translation>删除标注</translation>
        </message>
        <message numerus="yes">
            <source>Delete %n annotation(s)</source>
            <translation>
                <numerusform>删除 %n 条标注</numerusform>
            </translation>
        </message>
        <message>
            <source>Add label {name}</source>
            <translation>添加标签 {name}</translation>
        </message>
        <message>
            <source>Edit label {name}</source>
            <translation>编辑标签 {name}</translation>
        </message>
        <message>
            <source>Reorder labels</source>
            <translation>调整标签顺序</translation>
        </message>
        <message>
            <source>Delete label {name}</source>
            <translation>删除标签 {name}</translation>
        </message>
        <message>
            <source>Mark article {lower}</source>
            <translation>将文章标记为{lower}</translation>
        </message>
        <message>
            <source>Label every “{shorten}” {name}</source>
            <translation>将所有“{shorten}”标为{name}</translation>
        </message>
        <message>
            <source>Label missed “{shorten}”</source>
            <translation>标注遗漏的“{shorten}”</translation>
        </message>
        <message numerus="yes">
            <source>Label %n missed mention(s)</source>
            <translation>
                <numerusform>标注 %n 处遗漏提及</numerusform>
            </translation>
        </message>
        <message>
            <source>Reject missed “{shorten}”</source>
            <translation>拒绝遗漏的“{shorten}”</translation>
        </message>
        <message numerus="yes">
            <source>Reject %n missed mention(s)</source>
            <translation>
                <numerusform>拒绝 %n 处遗漏提及</numerusform>
            </translation>
        </message>
        <message>
            <source>Looking for missed mentions…</source>
            <translation>正在查找遗漏的提及…</translation>
        </message>
        <message>
            <source>Consistency</source>
            <translation>一致性</translation>
        </message>
        <message>
            <source>Could not look through the corpus: {exc}</source>
            <translation>无法检查语料库：{exc}</translation>
        </message>
        <message>
            <source>“{text}” already carries one label.</source>
            <translation>“{text}”已只有一种标签。</translation>
        </message>
        <message>
            <source>Accept missed mentions</source>
            <translation>接受遗漏的提及</translation>
        </message>
        <message>
            <source>Label {mentions} in {articles}?</source>
            <translation>标注 {articles}中的 {mentions}？</translation>
        </message>
        <message numerus="yes">
            <source>%Ln mention(s)</source>
            <translation>
                <numerusform>%Ln 处提及</numerusform>
            </translation>
        </message>
        <message>
            <source>Each gets the label its text carries most often. Articles not yet opened keep their status; Ctrl+Z undoes the whole of it.</source>
            <translation>每处都使用其文本最常用的标签。尚未打开的文章保持原状态；Ctrl+Z 可整体撤销。</translation>
        </message>
        <message>
            <source>&amp;Label {count:,}</source>
            <translation>标注 {count:,} 处(&amp;L)</translation>
        </message>
        <message>
            <source>That article is no longer in the corpus.</source>
            <translation>该文章已不在语料库中。</translation>
        </message>
        <message>
            <source>Refresh</source>
            <translation>刷新</translation>
        </message>
        <message>
            <source>Look through the corpus again (F5)</source>
            <translation>重新检查语料库（F5）</translation>
        </message>
        <message>
            <source>Refresh the consistency lists</source>
            <translation>刷新一致性列表</translation>
        </message>
        <message>
            <source>Texts labelled in more than one way across the corpus</source>
            <translation>在语料库中被标注为多种标签的文本</translation>
        </message>
        <message>
            <source>The label every annotation of the selected text will carry</source>
            <translation>选中文本的所有标注将统一使用的标签</translation>
        </message>
        <message>
            <source>Make co&amp;nsistent</source>
            <translation>统一标签(&amp;N)</translation>
        </message>
        <message>
            <source>Give every annotation of the selected text the chosen label (Ctrl+Z undoes it)</source>
            <translation>为选中文本的所有标注赋予所选标签（Ctrl+Z 可撤销）</translation>
        </message>
        <message>
            <source>Label all a&amp;s:</source>
            <translation>全部标注为(&amp;S)：</translation>
        </message>
        <message>
            <source>&amp;Conflicts</source>
            <translation>冲突(&amp;C)</translation>
        </message>
        <message>
            <source>Choose…</source>
            <translation>选择…</translation>
        </message>
        <message numerus="yes">
            <source>%Ln text(s) labelled in more than one way.</source>
            <translation>
                <numerusform>%Ln 个文本被标注为多种标签。</numerusform>
            </translation>
        </message>
        <message>
            <source>Every text carries one label.</source>
            <translation>每个文本都只有一种标签。</translation>
        </message>
        <message>
            <source>Unlabelled whole-word occurrences of texts labelled elsewhere. Double-click to see one in its article.</source>
            <translation>在别处已标注、此处未标注的整词出现。双击可在文章中查看。</translation>
        </message>
        <message>
            <source>Acce&amp;pt</source>
            <translation>接受(&amp;P)</translation>
        </message>
        <message>
            <source>Label the selected mentions with their suggested label</source>
            <translation>用建议的标签标注选中的提及</translation>
        </message>
        <message>
            <source>&amp;Reject</source>
            <translation>拒绝(&amp;R)</translation>
        </message>
        <message>
            <source>These are not mentions: never list them again</source>
            <translation>这些不是提及：不再列出</translation>
        </message>
        <message>
            <source>Accep&amp;t all</source>
            <translation>全部接受(&amp;T)</translation>
        </message>
        <message>
            <source>Label every mention in the list</source>
            <translation>标注列表中的所有提及</translation>
        </message>
        <message>
            <source>Re&amp;ject all</source>
            <translation>全部拒绝(&amp;J)</translation>
        </message>
        <message>
            <source>Reject every mention in the list</source>
            <translation>拒绝列表中的所有提及</translation>
        </message>
        <message>
            <source>Missed &amp;mentions</source>
            <translation>遗漏的提及(&amp;M)</translation>
        </message>
        <message numerus="yes">
            <source>%Ln missed mention(s).</source>
            <translation>
                <numerusform>%Ln 处遗漏的提及。</numerusform>
            </translation>
        </message>
        <message>
            <source>No missed mentions: every labelled text is labelled wherever it occurs.</source>
            <translation>没有遗漏的提及：每个已标注的文本在所有出现处都已标注。</translation>
        </message>
        <message>
            <source>The corpus has changed since these lists were made.</source>
            <translation>生成这些列表之后，语料库已有变化。</translation>
        </message>
        <message>
            <source>Text</source>
            <translation>文本</translation>
        </message>
        <message>
            <source>Annotations</source>
            <translation>标注</translation>
        </message>
        <message>
            <source>Labels (count)</source>
            <translation>标签（数量）</translation>
        </message>
        <message>
            <source>Written {spellings}; labelled {labelled}.
Enter or double-click lists them; pick a label below and press Make consistent to give it to all of them.</source>
            <translation>写法：{spellings}；标注为：{labelled}。
按 Enter 或双击可列出它们；在下方选择一个标签，然后按“统一标签”将其赋予所有这些标注。</translation>
        </message>
        <message>
            <source>Suggested label</source>
            <translation>建议的标签</translation>
        </message>
        <message>
            <source>Article</source>
            <translation>文章</translation>
        </message>
        <message>
            <source>Context</source>
            <translation>上下文</translation>
        </message>
        <message>
            <source>“{text}” in article {article_id} ({title}), characters {start}–{end}.
Labelled {name} most often elsewhere. Double-click to see it in the article.</source>
            <translation>文章 {article_id}（{title}）中的“{text}”，字符 {start}–{end}。
在别处最常被标注为 {name}。双击可在文章中查看。</translation>
        </message>
        <message>
            <source>Annotator corpus (*.db *.sqlite *.annotator);;All files (*)</source>
            <translation>Annotator 语料库 (*.db *.sqlite *.annotator);;所有文件 (*)</translation>
        </message>
        <message>
            <source>Articles ({patterns});;All files (*)</source>
            <translation>文章 ({patterns});;所有文件 (*)</translation>
        </message>
        <message>
            <source>Import articles</source>
            <translation>导入文章</translation>
        </message>
        <message>
            <source>Import a folder of articles</source>
            <translation>导入文章文件夹</translation>
        </message>
        <message>
            <source>{name} is part of the open corpus itself, so it was not imported.</source>
            <translation>{name} 是当前打开的语料库本身的一部分，因此未导入。</translation>
        </message>
        <message>
            <source>The import failed: {exc}</source>
            <translation>导入失败：{exc}</translation>
        </message>
        <message>
            <source>Importing…</source>
            <translation>正在导入…</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>取消</translation>
        </message>
        <message>
            <source>Updating the corpus for this version of Annotator…</source>
            <translation>正在为此版本的 Annotator 更新语料库…</translation>
        </message>
        <message>
            <source>Opening the corpus</source>
            <translation>正在打开语料库</translation>
        </message>
        <message>
            <source>The update was stopped: the corpus was left as it was and not opened.</source>
            <translation>更新已停止：语料库保持原样，未被打开。</translation>
        </message>
        <message>
            <source>Stop: {lower} (nothing half-done is kept)</source>
            <translation>停止：{lower}（不会保留半途的结果）</translation>
        </message>
        <message>
            <source>Stopping…</source>
            <translation>正在停止…</translation>
        </message>
        <message>
            <source>Import stopped</source>
            <translation>导入已停止</translation>
        </message>
        <message>
            <source>Import finished</source>
            <translation>导入完成</translation>
        </message>
        <message>
            <source>  … and {value:,} more</source>
            <translation>  … 另有 {value:,} 项</translation>
        </message>
        <message>
            <source>The other files were imported. Open the details to see why each input was rejected.</source>
            <translation>其他文件已导入。展开详细信息可查看每个被拒绝的输入及原因。</translation>
        </message>
        <message>
            <source>Some spans were left out or split. Open the details to see each one, where it was and why.</source>
            <translation>部分片段被略去或拆分。展开详细信息可查看每一处的位置及原因。</translation>
        </message>
        <message>
            <source>Some of what the files hold was not imported. Open the details to see what, where and why.</source>
            <translation>文件中有部分内容未导入。展开详细信息可查看内容、位置及原因。</translation>
        </message>
        <message>
            <source>Open the details to see which articles got the new spans.</source>
            <translation>展开详细信息可查看哪些文章添加了新片段。</translation>
        </message>
        <message>
            <source>Exporting…</source>
            <translation>正在导出…</translation>
        </message>
        <message>
            <source>Export dataset</source>
            <translation>导出数据集</translation>
        </message>
        <message>
            <source>Exporting article {done:,} of {total:,}…</source>
            <translation>正在导出第 {done:,} 篇文章，共 {total:,} 篇…</translation>
        </message>
        <message>
            <source>Export cancelled; nothing was written.</source>
            <translation>导出已取消；未写入任何内容。</translation>
        </message>
        <message>
            <source>Could not write the export: {reason}</source>
            <translation>无法写出导出文件：{reason}</translation>
        </message>
        <message>
            <source>Could not export: {exc}</source>
            <translation>无法导出：{exc}</translation>
        </message>
        <message>
            <source>Export finished</source>
            <translation>导出完成</translation>
        </message>
        <message>
            <source>Open the details to see each span that was adjusted or left out.</source>
            <translation>展开详细信息可查看每个被调整或略去的片段。</translation>
        </message>
        <message>
            <source>… and {value:,} more</source>
            <translation>… 另有 {value:,} 项</translation>
        </message>
        <message>
            <source>Version</source>
            <translation>版本</translation>
        </message>
        <message>
            <source>Licence</source>
            <translation>许可证</translation>
        </message>
        <message>
            <source>Corpus</source>
            <translation>语料库</translation>
        </message>
        <message>
            <source>in memory</source>
            <translation>内存中</translation>
        </message>
        <message>
            <source>Data folder</source>
            <translation>数据文件夹</translation>
        </message>
        <message>
            <source>Settings</source>
            <translation>设置</translation>
        </message>
        <message>
            <source>{qVersion} (PySide6 {version__}), Python {python_version}</source>
            <translation>{qVersion}（PySide6 {version__}），Python {python_version}</translation>
        </message>
        <message>
            <source>About Annotator</source>
            <translation>关于 Annotator</translation>
        </message>
        <message>
            <source>&lt;h2&gt;Annotator {escape}&lt;/h2&gt;&lt;p&gt;Label spans in news articles. Every label is kept in a local SQLite corpus file and saved the moment you make it.&lt;/p&gt;&lt;table&gt;{rows}&lt;/table&gt;</source>
            <translation>&lt;h2&gt;Annotator {escape}&lt;/h2&gt;&lt;p&gt;为新闻文章中的文本片段加标签。每个标注都保存在本地 SQLite 语料库文件中，并在标注的同时立即保存。&lt;/p&gt;&lt;table&gt;{rows}&lt;/table&gt;</translation>
        </message>
        <message>
            <source>&amp;Copy details</source>
            <translation>复制详细信息(&amp;C)</translation>
        </message>
        <message>
            <source>&amp;Open data folder</source>
            <translation>打开数据文件夹(&amp;O)</translation>
        </message>
        <message>
            <source>Annotate all occurrences</source>
            <translation>标注所有出现</translation>
        </message>
        <message>
            <source>Line</source>
            <translation>行</translation>
        </message>
        <message>
            <source>Line {line:,}, characters {s:,}–{e:,}</source>
            <translation>第 {line:,} 行，字符 {s:,}–{e:,}</translation>
        </message>
        <message numerus="yes">
            <source>Label these %n other occurrence(s) of “{needle}” as &lt;b&gt;{label_name}&lt;/b&gt;. Uncheck the ones to leave alone.</source>
            <translation>
                <numerusform>将“{needle}”的这 %n 处其他出现标注为 &lt;b&gt;{label_name}&lt;/b&gt;。取消勾选不需要标注的项。</numerusform>
            </translation>
        </message>
        <message>
            <source>Check &amp;all</source>
            <translation>全选(&amp;A)</translation>
        </message>
        <message>
            <source>Check &amp;none</source>
            <translation>全不选(&amp;N)</translation>
        </message>
        <message>
            <source>&amp;Label {n}</source>
            <translation>标注 {n} 处(&amp;L)</translation>
        </message>
        <message>
            <source>UTF-16 code units (what doccano counts)</source>
            <translation>UTF-16 码元（doccano 的计数方式）</translation>
        </message>
        <message>
            <source>Code points (Python's text[start:end])</source>
            <translation>码位（Python 的 text[start:end]）</translation>
        </message>
        <message>
            <source>Train</source>
            <translation>训练</translation>
        </message>
        <message>
            <source>Dev</source>
            <translation>开发</translation>
        </message>
        <message>
            <source>Test</source>
            <translation>测试</translation>
        </message>
        <message>
            <source>The dataset format; below it, what the format keeps and what it loses</source>
            <translation>数据集格式；下方说明该格式保留和丢失的内容</translation>
        </message>
        <message>
            <source>&amp;Browse…</source>
            <translation>浏览(&amp;B)…</translation>
        </message>
        <message>
            <source>How this format counts character positions</source>
            <translation>该格式计算字符位置的方式</translation>
        </message>
        <message>
            <source>&amp;Offsets:</source>
            <translation>偏移量(&amp;O)：</translation>
        </message>
        <message>
            <source>&amp;Format:</source>
            <translation>格式(&amp;F)：</translation>
        </message>
        <message>
            <source>&amp;Save to:</source>
            <translation>保存到(&amp;S)：</translation>
        </message>
        <message>
            <source>Export articles {lower} for you (each analyst has their own status)</source>
            <translation>导出对您而言{lower}的文章（每名标注员有各自的状态）</translation>
        </message>
        <message>
            <source>Export spans with the checked labels</source>
            <translation>导出带有勾选标签的片段</translation>
        </message>
        <message>
            <source>Export spans by the checked annotators</source>
            <translation>导出勾选的标注员所做的片段</translation>
        </message>
        <message>
            <source>&amp;Labels</source>
            <translation>标签(&amp;L)</translation>
        </message>
        <message>
            <source>&amp;Annotators</source>
            <translation>标注员(&amp;A)</translation>
        </message>
        <message>
            <source>Articles and spans</source>
            <translation>文章与片段</translation>
        </message>
        <message>
            <source>S&amp;plit into train, dev and test files</source>
            <translation>拆分为训练、开发和测试文件(&amp;P)</translation>
        </message>
        <message>
            <source>Shuffle the articles with the seed and write one part per file (or folder)</source>
            <translation>用随机种子打乱文章，每部分写入一个文件（或文件夹）</translation>
        </message>
        <message>
            <source>The same seed always gives the same parts</source>
            <translation>相同的种子总是得到相同的拆分</translation>
        </message>
        <message>
            <source>Seed</source>
            <translation>种子</translation>
        </message>
        <message>
            <source>Split</source>
            <translation>拆分</translation>
        </message>
        <message>
            <source>&amp;Export</source>
            <translation>导出(&amp;E)</translation>
        </message>
        <message>
            <source>&lt;span style='color:#555'&gt;&lt;b&gt;Keeps&lt;/b&gt; {value}.&lt;br&gt;&lt;b&gt;Loses&lt;/b&gt; {value2}.&lt;/span&gt;</source>
            <translation>&lt;span style='color:#555'&gt;&lt;b&gt;保留&lt;/b&gt;：{value}。&lt;br&gt;&lt;b&gt;丢失&lt;/b&gt;：{value2}。&lt;/span&gt;</translation>
        </message>
        <message>
            <source>nothing</source>
            <translation>无</translation>
        </message>
        <message>
            <source>Choose a folder (or type a name ending in .zip)</source>
            <translation>选择一个文件夹（或输入以 .zip 结尾的名称）</translation>
        </message>
        <message>
            <source>Choose the file to write</source>
            <translation>选择要写入的文件</translation>
        </message>
        <message>
            <source>A new or empty folder, or a .zip file</source>
            <translation>新建的或空的文件夹，或一个 .zip 文件</translation>
        </message>
        <message>
            <source>A {extension} file</source>
            <translation>一个 {extension} 文件</translation>
        </message>
        <message>
            <source>Export to folder</source>
            <translation>导出到文件夹</translation>
        </message>
        <message>
            <source>Export to file</source>
            <translation>导出到文件</translation>
        </message>
        <message>
            <source>{description} (*{extension});;All files (*)</source>
            <translation>{description} (*{extension});;所有文件 (*)</translation>
        </message>
        <message>
            <source>Choose where to save the export.</source>
            <translation>请选择导出的保存位置。</translation>
        </message>
        <message>
            <source>The folder {parent} does not exist.</source>
            <translation>文件夹 {parent} 不存在。</translation>
        </message>
        <message>
            <source>{path} is the open corpus (or one of its SQLite files): choose another name for the export.</source>
            <translation>{path} 是当前打开的语料库（或其 SQLite 文件之一）：请为导出另选名称。</translation>
        </message>
        <message>
            <source>{path} is a file; the {name} format writes a folder (or a name ending in .zip).</source>
            <translation>{path} 是一个文件；{name} 格式写出的是文件夹（或以 .zip 结尾的名称）。</translation>
        </message>
        <message>
            <source>{path} is a folder; the {name} format writes a file.</source>
            <translation>{path} 是一个文件夹；{name} 格式写出的是文件。</translation>
        </message>
        <message>
            <source>Choose at least one status.</source>
            <translation>请至少选择一种状态。</translation>
        </message>
        <message>
            <source>Choose at least one label.</source>
            <translation>请至少选择一个标签。</translation>
        </message>
        <message>
            <source>Choose at least one annotator.</source>
            <translation>请至少选择一名标注员。</translation>
        </message>
        <message>
            <source>already exists</source>
            <translation>已存在</translation>
        </message>
        <message>
            <source>already exist</source>
            <translation>已存在</translation>
        </message>
        <message>
            <source>Replace {what}?</source>
            <translation>替换{what}？</translation>
        </message>
        <message>
            <source>{names} {exist}. Replace {them} with this export?</source>
            <translation>{names} {exist}。要用本次导出替换{them}吗？</translation>
        </message>
        <message numerus="yes">
            <source>%Ln of the chosen articles [has|have] no annotations: token formats (spaCy, Prodigy, CoNLL, Hugging Face) write [it|them] with every token O, as text with nothing to find.</source>
            <translation>
                <numerusform>所选文章中有 %Ln 篇没有标注：词元格式（spaCy、Prodigy、CoNLL、Hugging Face）会将其每个词元写为 O，作为没有实体的文本。</numerusform>
            </translation>
        </message>
        <message>
            <source>Label set</source>
            <translation>标签集</translation>
        </message>
        <message>
            <source>&amp;Add</source>
            <translation>添加(&amp;A)</translation>
        </message>
        <message>
            <source>Add a new label</source>
            <translation>添加新标签</translation>
        </message>
        <message>
            <source>&amp;Delete…</source>
            <translation>删除(&amp;D)…</translation>
        </message>
        <message>
            <source>Delete the selected label</source>
            <translation>删除选中的标签</translation>
        </message>
        <message>
            <source>Move &amp;up</source>
            <translation>上移(&amp;U)</translation>
        </message>
        <message>
            <source>Move the label up (Alt+Up)</source>
            <translation>将标签上移（Alt+Up）</translation>
        </message>
        <message>
            <source>Move do&amp;wn</source>
            <translation>下移(&amp;W)</translation>
        </message>
        <message>
            <source>Move the label down (Alt+Down)</source>
            <translation>将标签下移（Alt+Down）</translation>
        </message>
        <message>
            <source>Shown in the app</source>
            <translation>在应用中显示的名称</translation>
        </message>
        <message>
            <source>Written to exports, e.g. LOCATION</source>
            <translation>写入导出文件的代码，例如 LOCATION</translation>
        </message>
        <message>
            <source>Choose the label's colour</source>
            <translation>选择标签颜色</translation>
        </message>
        <message>
            <source>None</source>
            <translation>无</translation>
        </message>
        <message>
            <source>Save the changes to this label</source>
            <translation>保存对此标签的更改</translation>
        </message>
        <message>
            <source>A&amp;pply</source>
            <translation>应用(&amp;P)</translation>
        </message>
        <message>
            <source>&amp;Name:</source>
            <translation>名称(&amp;N)：</translation>
        </message>
        <message>
            <source>&amp;Tag:</source>
            <translation>代码(&amp;T)：</translation>
        </message>
        <message>
            <source>&amp;Colour:</source>
            <translation>颜色(&amp;C)：</translation>
        </message>
        <message>
            <source>&amp;Hotkey:</source>
            <translation>快捷键(&amp;H)：</translation>
        </message>
        <message>
            <source>Changes are saved at once and can be undone with Ctrl+Z.</source>
            <translation>更改会立即保存，可用 Ctrl+Z 撤销。</translation>
        </message>
        <message>
            <source>The label “{name}” already has the tag {tag}. Exports write spans by their tag, so two labels with one tag would merge into one in every dataset: choose another tag.</source>
            <translation>标签“{name}”已使用代码 {tag}。导出按代码写出片段，两个标签共用一个代码会在所有数据集中合并为一个：请另选代码。</translation>
        </message>
        <message>
            <source>Label colour</source>
            <translation>标签颜色</translation>
        </message>
        <message>
            <source>New label {n}</source>
            <translation>新标签 {n}</translation>
        </message>
        <message>
            <source>Delete the label “{name}”?</source>
            <translation>删除标签“{name}”？</translation>
        </message>
        <message numerus="yes">
            <source>

%n annotation(s) carry it and will be deleted with it.</source>
            <translation>
                <numerusform>

有 %n 条标注使用此标签，将一并删除。</numerusform>
            </translation>
        </message>
        <message>
            <source>

You can undo this with Ctrl+Z.</source>
            <translation>

可用 Ctrl+Z 撤销。</translation>
        </message>
        <message>
            <source>Delete label</source>
            <translation>删除标签</translation>
        </message>
        <message>
            <source>Taken</source>
            <translation>备份时间</translation>
        </message>
        <message>
            <source>Articles</source>
            <translation>文章</translation>
        </message>
        <message>
            <source>Size</source>
            <translation>大小</translation>
        </message>
        <message>
            <source>unreadable</source>
            <translation>无法读取</translation>
        </message>
        <message>
            <source>{path}
This file cannot be read as a corpus.</source>
            <translation>{path}
无法将此文件作为语料库读取。</translation>
        </message>
        <message>
            <source>Restore from backup</source>
            <translation>从备份恢复</translation>
        </message>
        <message>
            <source>Annotator backs up &lt;b&gt;{name}&lt;/b&gt; when it opens it and every 10 minutes while you edit, keeping the newest 10. Restoring replaces the whole corpus with the chosen backup; the current state is backed up first, so a restore can itself be undone.</source>
            <translation>Annotator 在打开 &lt;b&gt;{name}&lt;/b&gt; 时以及编辑期间每 10 分钟备份一次，保留最新的 10 份。恢复会用所选备份替换整个语料库；恢复前会先备份当前状态，因此恢复本身也可以撤回。</translation>
        </message>
        <message>
            <source>No backups yet. Use Back up now to take one.</source>
            <translation>尚无备份。点击“立即备份”创建一份。</translation>
        </message>
        <message>
            <source>&amp;Restore…</source>
            <translation>恢复(&amp;R)…</translation>
        </message>
        <message>
            <source>Replace the corpus with the selected backup (asks first)</source>
            <translation>用选中的备份替换语料库（会先询问）</translation>
        </message>
        <message>
            <source>&amp;Back up now</source>
            <translation>立即备份(&amp;B)</translation>
        </message>
        <message>
            <source>Take a backup of the corpus as it is now</source>
            <translation>为语料库的当前状态创建备份</translation>
        </message>
        <message>
            <source>Open &amp;folder</source>
            <translation>打开文件夹(&amp;F)</translation>
        </message>
        <message>
            <source>Replace {name} with the backup taken {when} ({articles:,} articles, {annotations:,} annotations)?</source>
            <translation>用 {when} 的备份（{articles:,} 篇文章，{annotations:,} 条标注）替换 {name}？</translation>
        </message>
        <message>
            <source>Everything in the corpus now is backed up first, so you can go back to it from this list. The undo history is cleared.</source>
            <translation>语料库当前的全部内容会先备份，之后可从此列表中恢复。撤销历史将被清空。</translation>
        </message>
        <message>
            <source>Restore</source>
            <translation>恢复</translation>
        </message>
        <message>
            <source>Move the caret / extend the selection</source>
            <translation>移动光标 / 扩展选区</translation>
        </message>
        <message>
            <source>Arrows, Ctrl+Arrows, Home, End (+Shift)</source>
            <translation>方向键、Ctrl+方向键、Home、End（+Shift）</translation>
        </message>
        <message>
            <source>Double-click</source>
            <translation>双击</translation>
        </message>
        <message>
            <source>Select a span</source>
            <translation>选择一个片段</translation>
        </message>
        <message>
            <source>Enter, Double-click</source>
            <translation>Enter、双击</translation>
        </message>
        <message>
            <source>Review table: relabel the selected rows</source>
            <translation>审核表：更改选中行的标签</translation>
        </message>
        <message>
            <source>Review table: mark the selected rows reviewed / unmark them</source>
            <translation>审核表：将选中行标记为已审核 / 取消标记</translation>
        </message>
        <message>
            <source>Ctrl+R / Ctrl+U</source>
            <translation>Ctrl+R / Ctrl+U</translation>
        </message>
        <message>
            <source>Review table: delete the selected rows</source>
            <translation>审核表：删除选中的行</translation>
        </message>
        <message>
            <source>Go from the search field to its results</source>
            <translation>从搜索框转到搜索结果</translation>
        </message>
        <message>
            <source>Shortcut</source>
            <translation>快捷键</translation>
        </message>
        <message>
            <source>Keyboard shortcuts</source>
            <translation>键盘快捷键</translation>
        </message>
        <message>
            <source>Command</source>
            <translation>命令</translation>
        </message>
        <message>
            <source>Select some text first, then press a label key.</source>
            <translation>请先选择一段文本，再按标签键。</translation>
        </message>
        <message>
            <source>The selection holds only spaces: nothing to label.</source>
            <translation>选区中只有空格：没有可标注的内容。</translation>
        </message>
        <message>
            <source>“{text}” is already labelled {name}.</source>
            <translation>“{text}”已标注为 {name}。</translation>
        </message>
        <message>
            <source>This span is {annotator}'s: another analyst's annotations are read-only.</source>
            <translation>此片段属于 {annotator}：其他标注员的标注为只读。</translation>
        </message>
        <message>
            <source>Label “{shorten}” as {name}</source>
            <translation>将“{shorten}”标为{name}</translation>
        </message>
        <message>
            <source>Labelled “{shorten}” as {name}.</source>
            <translation>已将“{shorten}”标为{name}。</translation>
        </message>
        <message>
            <source>Relabel “{shorten}” as {name}</source>
            <translation>将“{shorten}”改标为{name}</translation>
        </message>
        <message>
            <source>Click a span first to delete it.</source>
            <translation>请先单击要删除的片段。</translation>
        </message>
        <message>
            <source>Click a span first to resize it.</source>
            <translation>请先单击要调整的片段。</translation>
        </message>
        <message>
            <source>The span cannot be made any smaller or larger that way.</source>
            <translation>无法再以这种方式缩小或扩大该片段。</translation>
        </message>
        <message>
            <source>Resize span</source>
            <translation>调整片段范围</translation>
        </message>
        <message>
            <source>Edit note</source>
            <translation>编辑备注</translation>
        </message>
        <message>
            <source>Label {count} more “{shorten}” as {value}</source>
            <translation>再将 {count} 处“{shorten}”标为{value}</translation>
        </message>
        <message>
            <source>System language</source>
            <translation>跟随系统语言</translation>
        </message>
        <message>
            <source>New</source>
            <translation>未开始</translation>
        </message>
        <message>
            <source>In progress</source>
            <translation>进行中</translation>
        </message>
        <message>
            <source>Done</source>
            <translation>已完成</translation>
        </message>
        <message>
            <source>&amp;Language</source>
            <translation>语言(&amp;L)</translation>
        </message>
        <message>
            <source>{value} — Annotator</source>
            <translation>{value} — Annotator</translation>
        </message>
        <message>
            <source>Recent &amp;corpora</source>
            <translation>最近的语料库(&amp;C)</translation>
        </message>
        <message>
            <source>&amp;Undo {t}</source>
            <translation>撤销 {t}(&amp;U)</translation>
        </message>
        <message>
            <source>&amp;Redo {t}</source>
            <translation>重做 {t}(&amp;R)</translation>
        </message>
        <message>
            <source>Automatic backup failed: {m}</source>
            <translation>自动备份失败：{m}</translation>
        </message>
        <message>
            <source>This is the last article.</source>
            <translation>这是最后一篇文章。</translation>
        </message>
        <message>
            <source>This is the first article.</source>
            <translation>这是第一篇文章。</translation>
        </message>
        <message>
            <source>Marked done. Every article of your queue is done.</source>
            <translation>已标记为已完成。您队列中的所有文章都已完成。</translation>
        </message>
        <message>
            <source>Marked done. That was the last article in the list.</source>
            <translation>已标记为已完成。这是列表中的最后一篇文章。</translation>
        </message>
        <message>
            <source>the system's language</source>
            <translation>系统语言</translation>
        </message>
        <message>
            <source>Annotator will speak {language} from the next start.</source>
            <translation>Annotator 将在下次启动时使用{language}。</translation>
        </message>
        <message>
            <source>New annotations are recorded as {name}.</source>
            <translation>新标注将记录为 {name}。</translation>
        </message>
        <message>
            <source>{windowTitle} (read-only)</source>
            <translation>{windowTitle}（只读）</translation>
        </message>
        <message>
            <source>Read-only: edits are not saved</source>
            <translation>只读：编辑不会被保存</translation>
        </message>
        <message>
            <source>Editing stopped: another program took over this corpus file.</source>
            <translation>编辑已停止：另一个程序接管了此语料库文件。</translation>
        </message>
        <message>
            <source>Editing stopped: the corpus file was replaced.</source>
            <translation>编辑已停止：语料库文件已被替换。</translation>
        </message>
        <message>
            <source>Reopen corpus</source>
            <translation>重新打开语料库</translation>
        </message>
        <message>
            <source>Keep this window</source>
            <translation>保留此窗口</translation>
        </message>
        <message>
            <source>Note</source>
            <translation>备注</translation>
        </message>
        <message>
            <source>Note on “{shown}”:</source>
            <translation>“{shown}”的备注：</translation>
        </message>
        <message>
            <source>Enter saves a one-line note, Ctrl+Enter any note; Shift+Enter starts a new line.</source>
            <translation>Enter 保存单行备注，Ctrl+Enter 保存任意备注；Shift+Enter 换行。</translation>
        </message>
        <message>
            <source>No other whole-word occurrence of “{text}” to label.</source>
            <translation>“{text}”没有其他可标注的整词出现。</translation>
        </message>
        <message>
            <source>Snapping on: selections take whole words and shed punctuation at their edges.</source>
            <translation>吸附已开启：选区取整词并去掉边缘的标点。</translation>
        </message>
        <message>
            <source>Snapping off: selections keep every character you select.</source>
            <translation>吸附已关闭：选区保留您选中的每个字符。</translation>
        </message>
        <message>
            <source>Annotator name</source>
            <translation>标注员姓名</translation>
        </message>
        <message>
            <source>Name recorded with your annotations:</source>
            <translation>记录在您的标注上的姓名：</translation>
        </message>
        <message>
            <source>Annotator</source>
            <translation>标注员</translation>
        </message>
        <message>
            <source>This article was changed by another program; showing its current state.</source>
            <translation>另一个程序修改了本文；现显示其当前状态。</translation>
        </message>
        <message>
            <source>This corpus is not a file: there are no backups of it.</source>
            <translation>此语料库不是文件：没有它的备份。</translation>
        </message>
        <message>
            <source>New corpus</source>
            <translation>新建语料库</translation>
        </message>
        <message>
            <source>{path} already exists. Use File › Open corpus to open it.</source>
            <translation>{path} 已存在。请使用“文件 › 打开语料库”打开它。</translation>
        </message>
        <message>
            <source>Open corpus</source>
            <translation>打开语料库</translation>
        </message>
        <message>
            <source>Label</source>
            <translation>标签</translation>
        </message>
        <message>
            <source>{text}
{value} · {start}–{end} · by {annotator}</source>
            <translation>{text}
{value} · {start}–{end} · 标注员 {annotator}</translation>
        </message>
        <message>
            <source>
Note: {note}</source>
            <translation>
备注：{note}</translation>
        </message>
        <message>
            <source>Title</source>
            <translation>标题</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>状态</translation>
        </message>
        <message>
            <source>Spans</source>
            <translation>片段</translation>
        </message>
        <message>
            <source>
In your queue (assigned to you)</source>
            <translation>
在您的队列中（已分配给您）</translation>
        </message>
        <message>
            <source>{title}
(article {id}){queued}</source>
            <translation>{title}
（文章 {id}）{queued}</translation>
        </message>
        <message>
            <source>Your status: </source>
            <translation>您的状态：</translation>
        </message>
        <message numerus="yes">
            <source>Relabel %n annotation(s) as {name}</source>
            <translation>
                <numerusform>将 %n 条标注改标为{name}</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Mark %n annotation(s) reviewed</source>
            <translation>
                <numerusform>将 %n 条标注标记为已审阅</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Unmark %n annotation(s) reviewed</source>
            <translation>
                <numerusform>取消 %n 条标注的已审阅标记</numerusform>
            </translation>
        </message>
        <message>
            <source>That annotation no longer exists.</source>
            <translation>该标注已不存在。</translation>
        </message>
        <message>
            <source>Nothing to relabel: already {name}.</source>
            <translation>无需改标：已经是 {name}。</translation>
        </message>
        <message>
            <source>Nothing to delete.</source>
            <translation>没有可删除的内容。</translation>
        </message>
        <message>
            <source>None of them is marked reviewed.</source>
            <translation>它们都未被标记为已审核。</translation>
        </message>
        <message>
            <source>Review annotations</source>
            <translation>审核标注</translation>
        </message>
        <message>
            <source>Enter or double-click opens a span in its article; 1–9 relabel, Delete deletes, Ctrl+R marks reviewed (Ctrl+U unmarks) the selected rows</source>
            <translation>Enter 或双击在文章中打开片段；对选中的行：1–9 更改标签，Delete 删除，Ctrl+R 标记为已审核（Ctrl+U 取消）</translation>
        </message>
        <message>
            <source>Relabel a&amp;s</source>
            <translation>改标为(&amp;S)</translation>
        </message>
        <message>
            <source>Give the selected annotations another label (keys 1–9 in the table)</source>
            <translation>为选中的标注更换标签（表中按 1–9）</translation>
        </message>
        <message>
            <source>Mark &amp;reviewed</source>
            <translation>标记为已审核(&amp;R)</translation>
        </message>
        <message>
            <source>Record that you reviewed the selected annotations (Ctrl+R in the table)</source>
            <translation>记录您已审核选中的标注（表中按 Ctrl+R）</translation>
        </message>
        <message>
            <source>&amp;Unmark</source>
            <translation>取消标记(&amp;U)</translation>
        </message>
        <message>
            <source>Take the reviewed mark off the selected annotations (Ctrl+U in the table)</source>
            <translation>取消选中标注的已审核标记（表中按 Ctrl+U）</translation>
        </message>
        <message>
            <source>&amp;Delete</source>
            <translation>删除(&amp;D)</translation>
        </message>
        <message>
            <source>Delete the selected annotations (Delete in the table); Ctrl+Z brings them back</source>
            <translation>删除选中的标注（表中按 Delete）；Ctrl+Z 可恢复</translation>
        </message>
        <message>
            <source>&amp;Open in article</source>
            <translation>在文章中打开(&amp;O)</translation>
        </message>
        <message>
            <source>Open the current annotation in its article, selected (Enter or double-click)</source>
            <translation>在文章中打开并选中当前标注（Enter 或双击）</translation>
        </message>
        <message>
            <source>Mark &amp;reviewed	Ctrl+R</source>
            <translation>标记为已审核(&amp;R)	Ctrl+R</translation>
        </message>
        <message>
            <source>&amp;Unmark	Ctrl+U</source>
            <translation>取消标记(&amp;U)	Ctrl+U</translation>
        </message>
        <message numerus="yes">
            <source>&amp;Delete %Ln annotation(s)	Delete</source>
            <translation>
                <numerusform>删除 %Ln 条标注(&amp;D)	Delete</numerusform>
            </translation>
        </message>
        <message>
            <source>Counting matches… (first {rowCount:,} shown)</source>
            <translation>正在统计匹配数…（已显示前 {rowCount:,} 条）</translation>
        </message>
        <message numerus="yes">
            <source>All %Ln annotation(s)</source>
            <translation>
                <numerusform>全部 %Ln 条标注</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%Ln matching annotation(s)</source>
            <translation>
                <numerusform>%Ln 条匹配的标注</numerusform>
            </translation>
        </message>
        <message>
            <source>No annotations in this corpus yet</source>
            <translation>此语料库中尚无标注</translation>
        </message>
        <message>
            <source>Covered text contains…</source>
            <translation>标注文本包含…</translation>
        </message>
        <message>
            <source>Show annotations whose covered text contains this (case-insensitive), or matches it as a regular expression</source>
            <translation>显示标注文本包含此内容（不区分大小写）或与之作为正则表达式匹配的标注</translation>
        </message>
        <message>
            <source>Re&amp;gex</source>
            <translation>正则(&amp;G)</translation>
        </message>
        <message>
            <source>Read the text filter as a Python regular expression (case-sensitive; add (?i) to ignore case)</source>
            <translation>将文本筛选条件作为 Python 正则表达式（区分大小写；加 (?i) 可忽略大小写）</translation>
        </message>
        <message>
            <source>Show one label only</source>
            <translation>只显示一个标签</translation>
        </message>
        <message>
            <source>Show the annotations of one annotator only</source>
            <translation>只显示一名标注员的标注</translation>
        </message>
        <message>
            <source>Show annotations whose annotator has the article at this status only</source>
            <translation>只显示其标注员对该文章处于此状态的标注</translation>
        </message>
        <message>
            <source>Any status</source>
            <translation>任意状态</translation>
        </message>
        <message>
            <source>Show reviewed annotations, or those still to review</source>
            <translation>显示已审核或尚待审核的标注</translation>
        </message>
        <message>
            <source>Reviewed or not</source>
            <translation>已审核或未审核</translation>
        </message>
        <message>
            <source>Not reviewed</source>
            <translation>未审核</translation>
        </message>
        <message>
            <source>Reviewed</source>
            <translation>已审核</translation>
        </message>
        <message>
            <source>&amp;Changed</source>
            <translation>修改日期(&amp;C)</translation>
        </message>
        <message>
            <source>Show annotations last changed between these two days (inclusive)</source>
            <translation>显示最后修改日期在这两天之间（含）的标注</translation>
        </message>
        <message>
            <source>First day of the last change</source>
            <translation>最后修改日期的起始日</translation>
        </message>
        <message>
            <source>Last day of the last change</source>
            <translation>最后修改日期的截止日</translation>
        </message>
        <message>
            <source>Clear</source>
            <translation>清除</translation>
        </message>
        <message>
            <source>Show every annotation again</source>
            <translation>重新显示所有标注</translation>
        </message>
        <message>
            <source>Any label</source>
            <translation>任意标签</translation>
        </message>
        <message>
            <source>Any annotator</source>
            <translation>任意标注员</translation>
        </message>
        <message>
            <source>Blind mode: only your own annotations are listed</source>
            <translation>盲标模式：只列出您自己的标注</translation>
        </message>
        <message>
            <source>Invalid regular expression: {msg} (at position {pos}).</source>
            <translation>无效的正则表达式：{msg}（位置 {pos}）。</translation>
        </message>
        <message>
            <source>In context</source>
            <translation>上下文</translation>
        </message>
        <message>
            <source>Last change</source>
            <translation>最后修改</translation>
        </message>
        <message>
            <source>Could not count the matches: {message}</source>
            <translation>无法统计匹配数：{message}</translation>
        </message>
        <message>
            <source>Sort by {column}</source>
            <translation>按{column}排序</translation>
        </message>
        <message>
            <source> (the covered text)</source>
            <translation>（标注文本）</translation>
        </message>
        <message>
            <source>{value} · {title} · characters {start}–{end}</source>
            <translation>{value} · {title} · 字符 {start}–{end}</translation>
        </message>
        <message>
            <source>By {annotator}, last changed {local_time}</source>
            <translation>标注员 {annotator}，最后修改于 {local_time}</translation>
        </message>
        <message>
            <source>Reviewed by {reviewed_by} on {local_time}</source>
            <translation>由 {reviewed_by} 于 {local_time} 审核</translation>
        </message>
        <message>
            <source>Note: {note}</source>
            <translation>备注：{note}</translation>
        </message>
        <message>
            <source>Enter or double-click: open it in its article</source>
            <translation>Enter 或双击：在文章中打开</translation>
        </message>
        <message>
            <source>Search corpus</source>
            <translation>搜索语料库</translation>
        </message>
        <message>
            <source>Search every article: words, "a phrase", prefix*, OR, NOT</source>
            <translation>搜索所有文章：词语、"短语"、前缀*、OR、NOT</translation>
        </message>
        <message>
            <source>Words match whole words in any case (Chinese also inside longer runs).
"Greater Bay Area" finds the phrase, Guang* words starting with Guang,
Foshan OR Jiangmen either, Foshan NOT Midea excludes. Enter searches at once; ↓ goes to the results.</source>
            <translation>词语按整词匹配，不区分大小写（中文也匹配较长字串中的部分）。
"Greater Bay Area" 查找该短语，Guang* 查找以 Guang 开头的词，
Foshan OR Jiangmen 查找任一词，Foshan NOT Midea 排除后者。按 Enter 立即搜索；↓ 转到结果。</translation>
        </message>
        <message>
            <source>&amp;Search further</source>
            <translation>继续搜索(&amp;S)</translation>
        </message>
        <message>
            <source>Look at more articles for further matches</source>
            <translation>在更多文章中查找匹配</translation>
        </message>
        <message>
            <source>Enter or double-click opens the article with the match selected</source>
            <translation>Enter 或双击打开文章并选中匹配处</translation>
        </message>
        <message>
            <source>Match in context</source>
            <translation>匹配及上下文</translation>
        </message>
        <message>
            <source>Labelled</source>
            <translation>已标注为</translation>
        </message>
        <message>
            <source>(the title matches)</source>
            <translation>（标题匹配）</translation>
        </message>
        <message>
            <source>Type words to search every article. "a phrase", prefix*, OR, NOT and ( ) work too.</source>
            <translation>输入词语搜索所有文章。也可使用 "短语"、前缀*、OR、NOT 和 ( )。</translation>
        </message>
        <message>
            <source>No matches</source>
            <translation>没有匹配</translation>
        </message>
        <message numerus="yes">
            <source>{articles}, {hits} and %Ln title match(es) shown</source>
            <translation>
                <numerusform>已显示 {articles}、{hits} 和 %Ln 处标题匹配</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%Ln article(s)</source>
            <translation>
                <numerusform>%Ln 篇文章</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%Ln hit(s)</source>
            <translation>
                <numerusform>%Ln 处匹配</numerusform>
            </translation>
        </message>
        <message>
            <source>{articles}, {hits} shown</source>
            <translation>已显示 {articles}、{hits}</translation>
        </message>
        <message>
            <source> so far; more when you scroll or press Search further</source>
            <translation>（目前）；滚动或按“继续搜索”可查看更多</translation>
        </message>
        <message>
            <source>characters {start}–{end}</source>
            <translation>字符 {start}–{end}</translation>
        </message>
        <message>
            <source>{title}
Article {article_id}, {where}. Enter or double-click opens it there.</source>
            <translation>{title}
文章 {article_id}，{where}。按 Enter 或双击在该处打开。</translation>
        </message>
        <message>
            <source>No labels yet.</source>
            <translation>尚无标签。</translation>
        </message>
        <message>
            <source>Statistics</source>
            <translation>统计</translation>
        </message>
        <message>
            <source>Progress</source>
            <translation>进度</translation>
        </message>
        <message>
            <source>Annotations per label</source>
            <translation>各标签的标注数</translation>
        </message>
        <message>
            <source>Articles you marked done, of all articles (each analyst has their own status)</source>
            <translation>您标记为已完成的文章占全部文章的比例（每名标注员有各自的状态）</translation>
        </message>
        <message>
            <source>Analyst</source>
            <translation>标注员</translation>
        </message>
        <message>
            <source>Assigned</source>
            <translation>已分配</translation>
        </message>
        <message>
            <source>Each analyst's articles: assigned to them, and their own status of those (of every article they worked on when none is assigned)</source>
            <translation>每名标注员的文章：分配给他们的文章及其各自的状态（未分配时为他们处理过的所有文章）</translation>
        </message>
        <message>
            <source>Articles by your status</source>
            <translation>按您的状态统计的文章数</translation>
        </message>
        <message>
            <source>Progress of each analyst</source>
            <translation>各标注员的进度</translation>
        </message>
        <message>
            <source>Annotations by annotator</source>
            <translation>各标注员的标注数</translation>
        </message>
        <message>
            <source>Most frequent texts per label (top {TOP_TEXTS})</source>
            <translation>各标签最常见的文本（前 {TOP_TEXTS} 个）</translation>
        </message>
        <message numerus="yes">
            <source>{done:,} of %Ln article(s) done</source>
            <translation>
                <numerusform>%Ln 篇文章中已完成 {done:,} 篇</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%Ln annotation(s) in all</source>
            <translation>
                <numerusform>共 %Ln 条标注</numerusform>
            </translation>
        </message>
        <message>
            <source>Every edit is written to the corpus file the moment you make it; there is nothing to save.</source>
            <translation>每次编辑都会立即写入语料库文件；无需保存。</translation>
        </message>
        <message>
            <source>✓ All changes saved</source>
            <translation>✓ 所有更改均已保存</translation>
        </message>
        <message>
            <source>Article {value:,} of {total:,}</source>
            <translation>第 {value:,} 篇，共 {total:,} 篇</translation>
        </message>
        <message numerus="yes">
            <source>%Ln annotation(s)</source>
            <translation>
                <numerusform>%Ln 条标注</numerusform>
            </translation>
        </message>
        <message>
            <source>✓ All changes saved ({now:%H:%M:%S})</source>
            <translation>✓ 所有更改均已保存（{now:%H:%M:%S}）</translation>
        </message>
        <message>
            <source>Not saving: editing stopped</source>
            <translation>未保存：编辑已停止</translation>
        </message>
        <message>
            <source>Filter by title…</source>
            <translation>按标题筛选…</translation>
        </message>
        <message>
            <source>Show only articles whose title contains this text</source>
            <translation>只显示标题包含此文本的文章</translation>
        </message>
        <message>
            <source>This corpus has no articles yet</source>
            <translation>此语料库中还没有文章</translation>
        </message>
        <message>
            <source>Import news articles (text, HTML, JSON Lines, CSV) or labelled data (Annotator JSONL, doccano, Label Studio, brat), or drop files or a folder here.</source>
            <translation>导入新闻文章（文本、HTML、JSON Lines、CSV）或已标注数据（Annotator JSONL、doccano、Label Studio、brat），或将文件或文件夹拖放到此处。</translation>
        </message>
        <message>
            <source>Drop files here</source>
            <translation>将文件拖放到此处</translation>
        </message>
        <message>
            <source>No article open</source>
            <translation>未打开文章</translation>
        </message>
        <message>
            <source>Choose an article in the list, or import some with File › Import articles (Ctrl+I).</source>
            <translation>请在列表中选择一篇文章，或通过“文件 › 导入文章”（Ctrl+I）导入文章。</translation>
        </message>
        <message>
            <source>Article {id}</source>
            <translation>文章 {id}</translation>
        </message>
        <message>
            <source>{count:,} characters</source>
            <translation>{count:,} 个字符</translation>
        </message>
        <message>
            <source>Select text in the article, then press a label's key ({keys}) or click its button above.</source>
            <translation>在文章中选择文本，然后按标签的快捷键（{keys}）或单击上方的标签按钮。</translation>
        </message>
        <message>
            <source>Select text in the article, then click a label's button above (give labels keys in Label › Manage labels).</source>
            <translation>在文章中选择文本，然后单击上方的标签按钮（可在“标签 › 管理标签”中为标签设置快捷键）。</translation>
        </message>
        <message>
            <source>&lt;b&gt;Welcome to Annotator.&lt;/b&gt; {how} Click a span to relabel or delete it; Ctrl+Z undoes. Every label is saved at once. {review} {export} &lt;i&gt;Help › Keyboard shortcuts&lt;/i&gt; (F1) lists every key.</source>
            <translation>&lt;b&gt;欢迎使用 Annotator。&lt;/b&gt;{how}单击片段可更改标签或删除；Ctrl+Z 可撤销。每个标注都会立即保存。{review}{export}&lt;i&gt;帮助 › 键盘快捷键&lt;/i&gt;（F1）列出所有按键。</translation>
        </message>
        <message>
            <source>Don't show again</source>
            <translation>不再显示</translation>
        </message>
        <message>
            <source>Hide this hint now and whenever Annotator starts</source>
            <translation>立即隐藏此提示，且以后启动时不再显示</translation>
        </message>
        <message>
            <source>Hide this hint (it shows again next time)</source>
            <translation>隐藏此提示（下次启动时仍会显示）</translation>
        </message>
        <message>
            <source>Labels</source>
            <translation>标签</translation>
        </message>
        <message>
            <source>Label the selection as {name} (exported as {tag})</source>
            <translation>将选区标注为 {name}（导出为 {tag}）</translation>
        </message>
        <message>
            <source>. Shortcut: {hotkey}</source>
            <translation>。快捷键：{hotkey}</translation>
        </message>
        <message>
            <source>Snap to words</source>
            <translation>吸附到整词</translation>
        </message>
        <message>
            <source>Open an article from the list to start labelling.</source>
            <translation>从列表中打开一篇文章即可开始标注。</translation>
        </message>
        <message>
            <source>Copy</source>
            <translation>复制</translation>
        </message>
        <message>
            <source> &lt;i&gt;· {escape} (read-only)&lt;/i&gt;</source>
            <translation> &lt;i&gt;· {escape}（只读）&lt;/i&gt;</translation>
        </message>
        <message>
            <source>Find in article</source>
            <translation>在文章中查找</translation>
        </message>
        <message>
            <source>Previous hit (Shift+F3, Shift+Enter)</source>
            <translation>上一个匹配（Shift+F3、Shift+Enter）</translation>
        </message>
        <message>
            <source>Next hit (F3, Enter)</source>
            <translation>下一个匹配（F3、Enter）</translation>
        </message>
        <message>
            <source>Close (Escape)</source>
            <translation>关闭（Escape）</translation>
        </message>
        <message>
            <source>No hits</source>
            <translation>无匹配</translation>
        </message>
        <message>
            <source>Annotator JSON Lines</source>
            <translation>Annotator JSON Lines</translation>
        </message>
        <message>
            <source>text, metadata, status, label tags, annotators, notes, review state</source>
            <translation>文本、元数据、状态、标签代码、标注员、备注、审核状态</translation>
        </message>
        <message>
            <source>label names, colours and hotkeys; when spans were created and changed</source>
            <translation>标签名称、颜色和快捷键；片段的创建和修改时间</translation>
        </message>
        <message>
            <source>doccano sequence labelling JSONL</source>
            <translation>doccano 序列标注 JSONL</translation>
        </message>
        <message>
            <source>text, labels (nested and overlapping), title, status and metadata; notes as metadata</source>
            <translation>文本、标签（含嵌套和重叠）、标题、状态和元数据；备注存为元数据</translation>
        </message>
        <message>
            <source>annotators, review state, label names and colours</source>
            <translation>标注员、审核状态、标签名称和颜色</translation>
        </message>
        <message>
            <source>brat standoff (folder or .zip)</source>
            <translation>brat standoff（文件夹或 .zip）</translation>
        </message>
        <message>
            <source>text, labels (nested and overlapping), notes; label colours in visual.conf</source>
            <translation>文本、标签（含嵌套和重叠）、备注；标签颜色存于 visual.conf</translation>
        </message>
        <message>
            <source>titles and metadata, annotators, review state; line breaks in notes become spaces</source>
            <translation>标题和元数据、标注员、审核状态；备注中的换行变为空格</translation>
        </message>
        <message>
            <source>Label Studio JSON tasks and labelling config</source>
            <translation>Label Studio JSON 任务及标注配置</translation>
        </message>
        <message>
            <source>text, labels (nested and overlapping), notes, title, status and metadata; label colours and hotkeys in the config</source>
            <translation>文本、标签（含嵌套和重叠）、备注、标题、状态和元数据；标签颜色和快捷键存于配置中</translation>
        </message>
        <message>
            <source>annotators and review state</source>
            <translation>标注员和审核状态</translation>
        </message>
        <message>
            <source>CSV, one row per annotation</source>
            <translation>CSV，每条标注一行</translation>
        </message>
        <message>
            <source>labels, offsets, covered text with 40 characters of context, annotators, notes, review state</source>
            <translation>标签、偏移量、标注文本及前后 40 个字符的上下文、标注员、备注、审核状态</translation>
        </message>
        <message>
            <source>the full text, articles without annotations, metadata</source>
            <translation>全文、没有标注的文章、元数据</translation>
        </message>
        <message>
            <source>W3C Web Annotation JSON-LD</source>
            <translation>W3C Web Annotation JSON-LD</translation>
        </message>
        <message>
            <source>labels, quote and position selectors, notes, annotators, creation and change times</source>
            <translation>标签、引文和位置选择器、备注、标注员、创建和修改时间</translation>
        </message>
        <message>
            <source>the article text (only its URL or id), titles, metadata, review state</source>
            <translation>文章正文（只保留其 URL 或编号）、标题、元数据、审核状态</translation>
        </message>
        <message>
            <source>spaCy v3 DocBin (.spacy)</source>
            <translation>spaCy v3 DocBin（.spacy）</translation>
        </message>
        <message>
            <source>text, every span in doc.spans['sc'], non-overlapping ones as doc.ents, sentences; article id, title, metadata in user_data</source>
            <translation>文本，所有片段存于 doc.spans['sc']，不重叠的片段存为 doc.ents，句子；文章编号、标题、元数据存于 user_data</translation>
        </message>
        <message>
            <source>annotators, notes, review state; overlapping spans only in doc.spans, not doc.ents</source>
            <translation>标注员、备注、审核状态；重叠的片段只在 doc.spans 中，不在 doc.ents 中</translation>
        </message>
        <message>
            <source>Prodigy / spaCy JSONL with tokens</source>
            <translation>带词元的 Prodigy / spaCy JSONL</translation>
        </message>
        <message>
            <source>text, tokens, every span (nested and overlapping) with annotator and note; article id, title, metadata in meta</source>
            <translation>文本、词元、所有片段（含嵌套和重叠）及其标注员和备注；文章编号、标题、元数据存于 meta</translation>
        </message>
        <message>
            <source>review state; span edges inside a word split that word's token</source>
            <translation>审核状态；片段边界落在词内时会拆分该词元</translation>
        </message>
        <message>
            <source>CoNLL-2003 (IOB2 tags)</source>
            <translation>CoNLL-2003（IOB2 标记）</translation>
        </message>
        <message>
            <source>tokens, sentences, one label per token (IOB2)</source>
            <translation>词元、句子、每个词元一个标签（IOB2）</translation>
        </message>
        <message>
            <source>nested and overlapping spans (the longest is kept), whitespace and line breaks, titles, metadata, annotators, notes</source>
            <translation>嵌套和重叠的片段（保留最长者）、空白和换行、标题、元数据、标注员、备注</translation>
        </message>
        <message>
            <source>Hugging Face token classification JSONL and label list</source>
            <translation>Hugging Face 词元分类 JSONL 及标签列表</translation>
        </message>
        <message>
            <source>tokens and IOB2 tags per sentence, ids naming article and sentence, the tag list</source>
            <translation>每句的词元和 IOB2 标记、标明文章和句子的编号、标记列表</translation>
        </message>
        <message>
            <source>nested and overlapping spans (the longest is kept), whitespace, titles, metadata, annotators, notes</source>
            <translation>嵌套和重叠的片段（保留最长者）、空白、标题、元数据、标注员、备注</translation>
        </message>
        <message>
            <source>&amp;Next suggestion</source>
            <translation>下一条建议(&amp;N)</translation>
        </message>
        <message>
            <source>Select the next suggestion in the text</source>
            <translation>选择文中的下一条建议</translation>
        </message>
        <message>
            <source>&amp;Previous suggestion</source>
            <translation>上一条建议(&amp;P)</translation>
        </message>
        <message>
            <source>Select the previous suggestion in the text</source>
            <translation>选择文中的上一条建议</translation>
        </message>
        <message>
            <source>&amp;Accept suggestion</source>
            <translation>接受建议(&amp;A)</translation>
        </message>
        <message>
            <source>Label the selected suggestion with its label (a label key labels it with that label)</source>
            <translation>用建议的标签标注选中的建议（按标签键则使用该标签）</translation>
        </message>
        <message>
            <source>&amp;Reject suggestion</source>
            <translation>拒绝建议(&amp;R)</translation>
        </message>
        <message>
            <source>Not a mention: the suggestion is not offered again at this place</source>
            <translation>不是提及：此处不再提供该建议</translation>
        </message>
        <message>
            <source>Accept a&amp;ll suggestions in this article</source>
            <translation>接受本文的所有建议(&amp;L)</translation>
        </message>
        <message>
            <source>Label every suggestion of this article in one step (one undo takes them all back)</source>
            <translation>一步标注本文的所有建议（一次撤销即可全部撤回）</translation>
        </message>
        <message>
            <source>Show &amp;suggestions</source>
            <translation>显示建议(&amp;S)</translation>
        </message>
        <message>
            <source>Show what the dictionary of your labels and the trained model suggest, as dashed outlines</source>
            <translation>以虚线框显示您的标签词典和训练好的模型给出的建议</translation>
        </message>
        <message>
            <source>&amp;Train model now</source>
            <translation>立即训练模型(&amp;T)</translation>
        </message>
        <message>
            <source>Train the suggestion model from your finished articles, in the background</source>
            <translation>在后台用您已完成的文章训练建议模型</translation>
        </message>
        <message>
            <source>&amp;Stop training</source>
            <translation>停止训练(&amp;S)</translation>
        </message>
        <message>
            <source>Stop the training that is running; the current model stays</source>
            <translation>停止正在进行的训练；保留当前模型</translation>
        </message>
        <message>
            <source>Retrain &amp;every…</source>
            <translation>重新训练间隔(&amp;E)…</translation>
        </message>
        <message>
            <source>How many newly finished articles start a new training</source>
            <translation>新完成多少篇文章后开始新的训练</translation>
        </message>
        <message>
            <source>Next article: &amp;least sure first</source>
            <translation>下一篇：模型最不确定的优先(&amp;L)</translation>
        </message>
        <message>
            <source>Next article opens the unfinished article the model is least sure about (active learning)</source>
            <translation>“下一篇文章”打开模型最不确定的未完成文章（主动学习）</translation>
        </message>
        <message>
            <source>Suggest from &amp;my labels only</source>
            <translation>仅根据我的标注提供建议(&amp;M)</translation>
        </message>
        <message>
            <source>The dictionary holds only your own labels (as in blind labelling), not every analyst's</source>
            <translation>词典只包含您自己的标注（如盲标模式），而非所有标注员的</translation>
        </message>
        <message>
            <source>Suggest&amp;ions</source>
            <translation>建议(&amp;I)</translation>
        </message>
        <message>
            <source>The dictionary of labelled texts could not be read ({exc}).</source>
            <translation>无法读取已标注文本词典（{exc}）。</translation>
        </message>
        <message>
            <source>The suggestion model could not be loaded ({exc}); it will be trained again.</source>
            <translation>无法加载建议模型（{exc}）；将重新训练。</translation>
        </message>
        <message>
            <source>, {confidence:.0%} sure</source>
            <translation>，置信度 {confidence:.0%}</translation>
        </message>
        <message>
            <source>Suggestion {position} of {count}: “{text}” as {value} ({source}{sure}). Enter accepts, a label key gives another label, X rejects.</source>
            <translation>第 {position} 条建议，共 {count} 条：“{text}”作为 {value}（{source}{sure}）。Enter 接受，标签键改用其他标签，X 拒绝。</translation>
        </message>
        <message numerus="yes">
            <source>Accept %n suggestion(s)</source>
            <translation>
                <numerusform>接受 %n 条建议</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Accepted %n suggestion(s). Ctrl+Z takes them all back.</source>
            <translation>
                <numerusform>已接受 %n 条建议。按 Ctrl+Z 全部撤回。</numerusform>
            </translation>
        </message>
        <message>
            <source>Accept as {name}</source>
            <translation>接受为 {name}</translation>
        </message>
        <message>
            <source>Accept</source>
            <translation>接受</translation>
        </message>
        <message>
            <source>Accept as</source>
            <translation>接受为</translation>
        </message>
        <message>
            <source>the dictionary of labelled texts</source>
            <translation>已标注文本词典</translation>
        </message>
        <message>
            <source>the trained model</source>
            <translation>训练好的模型</translation>
        </message>
        <message>
            <source> and </source>
            <translation>和</translation>
        </message>
        <message>
            <source>Accept suggestion “{shorten}” as {name}</source>
            <translation>接受建议：将“{shorten}”标为{name}</translation>
        </message>
        <message>
            <source>Reject suggestion “{shorten}”</source>
            <translation>拒绝建议“{shorten}”</translation>
        </message>
        <message>
            <source>confidence not given</source>
            <translation>未给出置信度</translation>
        </message>
        <message>
            <source>{confidence:.0%} sure</source>
            <translation>置信度 {confidence:.0%}</translation>
        </message>
        <message>
            <source>&lt;b style='color:{colour}'&gt;┅&lt;/b&gt; Suggested {escape}: {escape2}&lt;br&gt;&lt;i&gt;from {escape3}, {sure}&lt;/i&gt;&lt;br&gt;Tab selects it · Enter accepts · X rejects</source>
            <translation>&lt;b style='color:{colour}'&gt;┅&lt;/b&gt; 建议的 {escape}：{escape2}&lt;br&gt;&lt;i&gt;来自{escape3}，{sure}&lt;/i&gt;&lt;br&gt;Tab 选中 · Enter 接受 · X 拒绝</translation>
        </message>
        <message>
            <source>Training the suggestion model in the background…</source>
            <translation>正在后台训练建议模型…</translation>
        </message>
        <message>
            <source>Suggestion model retrained</source>
            <translation>建议模型已重新训练</translation>
        </message>
        <message>
            <source>: held-out F1 {f1:.2f}.</source>
            <translation>：留出集 F1 {f1:.2f}。</translation>
        </message>
        <message>
            <source>The suggestion model was not trained: {message}</source>
            <translation>建议模型未训练：{message}</translation>
        </message>
        <message>
            <source>Retrain every</source>
            <translation>重新训练间隔</translation>
        </message>
        <message>
            <source>Retrain the suggestion model after this many newly finished articles:</source>
            <translation>新完成多少篇文章后重新训练建议模型：</translation>
        </message>
        <message>
            <source>Model: training…</source>
            <translation>模型：训练中…</translation>
        </message>
        <message>
            <source>The suggestion model is being trained in a separate process.</source>
            <translation>建议模型正在单独的进程中训练。</translation>
        </message>
        <message>
            <source>Suggestion model ({engine}) trained on {get} of your finished articles, scored on {get2} held out ({created}).&lt;table&gt;&lt;tr&gt;&lt;th&gt;label&lt;/th&gt;&lt;th&gt;P&lt;/th&gt;&lt;th&gt;R&lt;/th&gt;&lt;th&gt;F1&lt;/th&gt;&lt;/tr&gt;{rows}&lt;/table&gt;</source>
            <translation>建议模型（{engine}）用您已完成的 {get} 篇文章训练，在留出的 {get2} 篇上评分（{created}）。&lt;table&gt;&lt;tr&gt;&lt;th&gt;标签&lt;/th&gt;&lt;th&gt;P&lt;/th&gt;&lt;th&gt;R&lt;/th&gt;&lt;th&gt;F1&lt;/th&gt;&lt;/tr&gt;{rows}&lt;/table&gt;</translation>
        </message>
        <message>
            <source>Model F1 {f1:.2f}</source>
            <translation>模型 F1 {f1:.2f}</translation>
        </message>
        <message>
            <source>Model ready</source>
            <translation>模型已就绪</translation>
        </message>
        <message>
            <source>Error: </source>
            <translation>错误：</translation>
        </message>
        <message>
            <source>Training stopped (exit {code}).</source>
            <translation>训练已停止（退出码 {code}）。</translation>
        </message>
        <message>
            <source>Training could not start: {errorString}</source>
            <translation>无法开始训练：{errorString}</translation>
        </message>
        <message>
            <source>Annotator corpus</source>
            <translation>Annotator 语料库</translation>
        </message>
        <message>
            <source>HTML page</source>
            <translation>HTML 网页</translation>
        </message>
        <message>
            <source>JSON</source>
            <translation>JSON</translation>
        </message>
        <message>
            <source>JSON lines</source>
            <translation>JSON Lines</translation>
        </message>
        <message>
            <source>CSV table</source>
            <translation>CSV 表格</translation>
        </message>
        <message>
            <source>CoNLL tokens</source>
            <translation>CoNLL 词元</translation>
        </message>
        <message>
            <source>brat annotations</source>
            <translation>brat 标注</translation>
        </message>
        <message>
            <source>ZIP archive</source>
            <translation>ZIP 压缩包</translation>
        </message>
        <message>
            <source>spaCy DocBin</source>
            <translation>spaCy DocBin</translation>
        </message>
        <message>
            <source>Folder</source>
            <translation>文件夹</translation>
        </message>
        <message>
            <source>{kind} file</source>
            <translation>{kind} 文件</translation>
        </message>
        <message>
            <source>File</source>
            <translation>文件</translation>
        </message>
        <message>
            <source>The background process stopped unexpectedly (exit code {exitcode}).</source>
            <translation>后台进程意外停止（退出码 {exitcode}）。</translation>
        </message>
        <message>
            <source>Search indexing stopped ({exc}); search still finds everything.</source>
            <translation>搜索索引已停止（{exc}）；搜索仍能找到全部内容。</translation>
        </message>
        <message>
            <source>File › Restore from backup brings a backup back.</source>
            <translation>“文件 › 从备份恢复”可恢复备份。</translation>
        </message>
        <message>
            <source>Everything saved until now was copied to the backup {rescue}; File › Restore from backup can bring it back.</source>
            <translation>此前保存的全部内容已复制到备份 {rescue}；可通过“文件 › 从备份恢复”找回。</translation>
        </message>
        <message>
            <source>The last automatic backup is listed under File › Restore from backup.</source>
            <translation>最近一次自动备份列在“文件 › 从备份恢复”中。</translation>
        </message>
        <message>
            <source>The corpus file {path} is gone (deleted, moved or its drive removed), so nothing more can be saved to it. </source>
            <translation>语料文件 {path} 已不存在（被删除、移动或所在驱动器已移除），无法再向其保存任何内容。</translation>
        </message>
        <message>
            <source>Everything this window holds was copied to the backup {rescue}.</source>
            <translation>本窗口中的全部内容已复制到备份 {rescue}。</translation>
        </message>
        <message>
            <source>Another program took over the corpus file {path} while it was open here (its -wal file was removed or replaced), so edits made here now would not reach the file: editing is stopped. {saved} Reopen the corpus to go on with what the file holds.</source>
            <translation>语料文件 {path} 在此打开期间被其他程序接管（其 -wal 文件被删除或替换），此处所做的编辑将无法写入文件，因此已停止编辑。{saved}请重新打开语料，以文件中的内容继续工作。</translation>
        </message>
        <message>
            <source>Adjudication</source>
            <translation>裁定</translation>
        </message>
        <message>
            <source>&lt;b&gt;A&lt;/b&gt;, &lt;b&gt;B&lt;/b&gt;… take that version · &lt;b&gt;X&lt;/b&gt; none · &lt;b&gt;Tab&lt;/b&gt; / &lt;b&gt;Shift+Tab&lt;/b&gt; next / previous open · or label gold by hand in the text with the label keys.</source>
            <translation>&lt;b&gt;A&lt;/b&gt;、&lt;b&gt;B&lt;/b&gt;…… 采纳该版本 · &lt;b&gt;X&lt;/b&gt; 都不采纳 · &lt;b&gt;Tab&lt;/b&gt; / &lt;b&gt;Shift+Tab&lt;/b&gt; 下一个 / 上一个未裁定 · 或在文本中用标签键手动标注金标准。</translation>
        </message>
        <message>
            <source>None (&amp;X)</source>
            <translation>都不采纳(&amp;X)</translation>
        </message>
        <message>
            <source>Next open</source>
            <translation>下一个未裁定</translation>
        </message>
        <message>
            <source>Stop adjudicating</source>
            <translation>停止裁定</translation>
        </message>
        <message>
            <source>✓ settled</source>
            <translation>✓ 已裁定</translation>
        </message>
        <message>
            <source>● open</source>
            <translation>● 未裁定</translation>
        </message>
        <message>
            <source>no span</source>
            <translation>无片段</translation>
        </message>
        <message>
            <source>{join}: {what}{value}. Press {value2} to take this version into gold.</source>
            <translation>{join}：{what}{value}。按 {value2} 将此版本采纳进金标准。</translation>
        </message>
        <message>
            <source>{settled} of {total} settled</source>
            <translation>已裁定 {settled} / {total}</translation>
        </message>
        <message>
            <source>No disagreements</source>
            <translation>没有分歧</translation>
        </message>
        <message>
            <source>Open an article first, then adjudicate it.</source>
            <translation>请先打开一篇文章，再进行裁定。</translation>
        </message>
        <message>
            <source>Adjudication needs two or more analysts who finished this article (finished: {done}). An analyst finishes an article by marking it done.</source>
            <translation>裁定需要至少两位已完成本文章的标注员（已完成：{done}）。标注员将文章标记为完成即表示完成。</translation>
        </message>
        <message numerus="yes">
            <source>Accept %n agreed span(s) into {gold}</source>
            <translation>
                <numerusform>将 %n 个一致片段采纳进 {gold}</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n span(s) every analyst made alike went into {gold}. Ctrl+Z undoes it.</source>
            <translation>
                <numerusform>所有标注员一致的 %n 个片段已采纳进 {gold}。按 Ctrl+Z 撤销。</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Gold layer &lt;b&gt;{gold}&lt;/b&gt; · article {article_id} · analysts {join} · %n span(s) agreed by all</source>
            <translation>
                <numerusform>金标准层 &lt;b&gt;{gold}&lt;/b&gt; · 文章 {article_id} · 标注员 {join} · 全体一致的片段 %n 个</numerusform>
            </translation>
        </message>
        <message>
            <source>{n} of {n} settled — gold is complete for this article</source>
            <translation>已裁定 {n} / {n} —— 本文章的金标准已完成</translation>
        </message>
        <message>
            <source>Every disagreement in this article is settled.</source>
            <translation>本文章的所有分歧均已裁定。</translation>
        </message>
        <message>
            <source>This disagreement has only {count} versions (A–{value}).</source>
            <translation>此分歧只有 {count} 个版本（A–{value}）。</translation>
        </message>
        <message>
            <source>version {value} ({join})</source>
            <translation>版本 {value}（{join}）</translation>
        </message>
        <message>
            <source>Take {what} into {gold}</source>
            <translation>将{what}采纳进 {gold}</translation>
        </message>
        <message>
            <source>extent differs</source>
            <translation>范围不同</translation>
        </message>
        <message>
            <source>label differs</source>
            <translation>标签不同</translation>
        </message>
        <message>
            <source>only B</source>
            <translation>仅 B</translation>
        </message>
        <message>
            <source>only A</source>
            <translation>仅 A</translation>
        </message>
        <message>
            <source>finished by</source>
            <translation>已完成</translation>
        </message>
        <message>
            <source>fewer than two analysts</source>
            <translation>标注员少于两位</translation>
        </message>
        <message>
            <source>no article {basis} all of them</source>
            <translation>没有所有人都{basis}的文章</translation>
        </message>
        <message>
            <source>no article {basis} both</source>
            <translation>没有两人都{basis}的文章</translation>
        </message>
        <message>
            <source>no tokens</source>
            <translation>没有词元</translation>
        </message>
        <message>
            <source>one category only</source>
            <translation>只有一个类别</translation>
        </message>
        <message>
            <source>Pair (A / B)</source>
            <translation>标注员对（A / B）</translation>
        </message>
        <message>
            <source>Tokens</source>
            <translation>词元</translation>
        </message>
        <message>
            <source>Cohen's κ</source>
            <translation>Cohen κ 系数</translation>
        </message>
        <message>
            <source>All labels</source>
            <translation>所有标签</translation>
        </message>
        <message>
            <source>Span F1, exact / overlap (matched spans of A and B). Enter lists the disagreements.</source>
            <translation>片段 F1，精确 / 重叠（A 与 B 匹配的片段）。按 Enter 列出分歧。</translation>
        </message>
        <message>
            <source>Cannot be computed: {why_null}.</source>
            <translation>无法计算：{why_null}。</translation>
        </message>
        <message>
            <source>Over {tokens:,} tokens of {articles:,} articles.</source>
            <translation>基于 {articles:,} 篇文章的 {tokens:,} 个词元。</translation>
        </message>
        <message>
            <source>Cannot be computed: neither analyst has such a span in the articles both finished.</source>
            <translation>无法计算：在两人都完成的文章中，双方都没有这样的片段。</translation>
        </message>
        <message>
            <source>Exact: P {figure}, R {figure2}, F1 {figure3} ({matched} matched of {a_spans} by {a} and {b_spans} by {b})
Overlap: F1 {figure4} ({matched2} matched), over {articles:,} articles.
Press Enter or double-click to list the disagreements.</source>
            <translation>精确：P {figure}，R {figure2}，F1 {figure3}（{a} 的 {a_spans} 个与 {b} 的 {b_spans} 个中匹配 {matched} 个）
重叠：F1 {figure4}（匹配 {matched2} 个），基于 {articles:,} 篇文章。
按 Enter 或双击列出分歧。</translation>
        </message>
        <message>
            <source>Difference</source>
            <translation>差异</translation>
        </message>
        <message>
            <source>(no span)</source>
            <translation>（无片段）</translation>
        </message>
        <message>
            <source>Agreement</source>
            <translation>一致性</translation>
        </message>
        <message>
            <source>Every annotated article</source>
            <translation>所有已标注的文章</translation>
        </message>
        <message>
            <source>Compare every article all of them annotated at least once, not only those each marked done</source>
            <translation>比较所有人都至少标注过一次的每篇文章，而不仅是各自标记为完成的文章</translation>
        </message>
        <message>
            <source>&amp;Compute</source>
            <translation>计算(&amp;C)</translation>
        </message>
        <message>
            <source>Choose a pair × label cell to list the disagreements behind it.</source>
            <translation>选择一个“标注员对 × 标签”单元格，列出其背后的分歧。</translation>
        </message>
        <message>
            <source>&amp;Stop</source>
            <translation>停止(&amp;S)</translation>
        </message>
        <message>
            <source> &lt;b&gt;· Out of date: press Compute.&lt;/b&gt;</source>
            <translation> &lt;b&gt;· 已过时：请按“计算”。&lt;/b&gt;</translation>
        </message>
        <message>
            <source>Computing…</source>
            <translation>正在计算…</translation>
        </message>
        <message>
            <source>annotated at least once by</source>
            <translation>至少标注过一次</translation>
        </message>
        <message numerus="yes">
            <source>%Ln article(s) {basis} all, {tokens:,} tokens</source>
            <translation>
                <numerusform>所有人都{basis}的文章 %Ln 篇，词元 {tokens:,} 个</numerusform>
            </translation>
        </message>
        <message>
            <source>Fleiss' κ</source>
            <translation>Fleiss κ 系数</translation>
        </message>
        <message>
            <source>Krippendorff's α</source>
            <translation>Krippendorff α 系数</translation>
        </message>
        <message>
            <source>{value}: {join} &lt;span style='opacity:.7'&gt;({n}; units: {tokenizer} tokens; {seconds:.1f} s)&lt;/span&gt;</source>
            <translation>{value}：{join} &lt;span style='opacity:.7'&gt;（{n}；单位：{tokenizer} 词元；{seconds:.1f} 秒）&lt;/span&gt;</translation>
        </message>
        <message>
            <source>Stopped. Compute again to see the figures.</source>
            <translation>已停止。请重新计算以查看数值。</translation>
        </message>
        <message>
            <source>The figures could not be computed.</source>
            <translation>无法计算这些数值。</translation>
        </message>
        <message>
            <source>Agreement could not be computed: {exc}</source>
            <translation>无法计算一致性：{exc}</translation>
        </message>
        <message>
            <source>The disagreements could not be listed.</source>
            <translation>无法列出分歧。</translation>
        </message>
        <message>
            <source>The disagreements could not be listed: {exc}</source>
            <translation>无法列出分歧：{exc}</translation>
        </message>
        <message>
            <source>Listing the disagreements between {a} and {b}…</source>
            <translation>正在列出 {a} 与 {b} 之间的分歧…</translation>
        </message>
        <message>
            <source>all labels</source>
            <translation>所有标签</translation>
        </message>
        <message numerus="yes">
            <source>%Ln disagreement(s) between {a} (A) and {b} (B), {name}, in {articles}. Enter opens the article.</source>
            <translation>
                <numerusform>{a}（A）与 {b}（B）之间在{name}上的分歧 %Ln 处，分布于{articles}。按 Enter 打开文章。</numerusform>
            </translation>
        </message>
        <message>
            <source>Assign articles</source>
            <translation>分配文章</translation>
        </message>
        <message>
            <source>mei, li, wu</source>
            <translation>mei, li, wu</translation>
        </message>
        <message>
            <source>The analysts to give articles to, separated by commas</source>
            <translation>要分配文章的标注员，以逗号分隔</translation>
        </message>
        <message>
            <source>How many analysts get each article (2 or more to measure agreement)</source>
            <translation>每篇文章分配给几名标注员（2 名或以上才能计算一致性）</translation>
        </message>
        <message>
            <source>Every article</source>
            <translation>所有文章</translation>
        </message>
        <message>
            <source>Articles {lower} (for you)</source>
            <translation>（对您而言）{lower}的文章</translation>
        </message>
        <message>
            <source>The same seed gives the same assignment</source>
            <translation>相同的种子得到相同的分配</translation>
        </message>
        <message>
            <source>&amp;Analysts:</source>
            <translation>标注员(&amp;A)：</translation>
        </message>
        <message>
            <source>Analysts &amp;per article:</source>
            <translation>每篇文章的标注员数(&amp;P)：</translation>
        </message>
        <message>
            <source>&amp;Which articles:</source>
            <translation>哪些文章(&amp;W)：</translation>
        </message>
        <message>
            <source>&amp;Seed:</source>
            <translation>种子(&amp;S)：</translation>
        </message>
        <message>
            <source>Assign</source>
            <translation>分配</translation>
        </message>
        <message>
            <source>&lt;b&gt;Preview&lt;/b&gt;: articles per analyst, and how many each shares with each other analyst</source>
            <translation>&lt;b&gt;预览&lt;/b&gt;：每名标注员的文章数，以及与其他每名标注员共有的文章数</translation>
        </message>
        <message>
            <source>No article matches.</source>
            <translation>没有匹配的文章。</translation>
        </message>
        <message>
            <source>with {n}</source>
            <translation>与 {n} 共有</translation>
        </message>
        <message>
            <source> Their earlier assignments are replaced ({earlier:,} in the corpus now).</source>
            <translation>他们先前的分配将被替换（语料库中现有 {earlier:,} 项）。</translation>
        </message>
        <message numerus="yes">
            <source>%Ln article(s), each to {per} of {count} analysts.{note}</source>
            <translation>
                <numerusform>%Ln 篇文章，每篇分给 {count} 位标注员中的 {per} 位。{note}</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Assign %n article(s)</source>
            <translation>
                <numerusform>分配 %n 篇文章</numerusform>
            </translation>
        </message>
        <message>
            <source>Clear assignments</source>
            <translation>清除分配</translation>
        </message>
        <message>
            <source>Turn blind mode on</source>
            <translation>开启盲标模式</translation>
        </message>
        <message>
            <source>Turn blind mode off</source>
            <translation>关闭盲标模式</translation>
        </message>
        <message>
            <source>Annotations &amp;of</source>
            <translation>显示谁的标注(&amp;O)</translation>
        </message>
        <message>
            <source>&amp;Mine only</source>
            <translation>仅我的(&amp;M)</translation>
        </message>
        <message>
            <source>Show only your own annotations</source>
            <translation>只显示您自己的标注</translation>
        </message>
        <message>
            <source>&amp;Everyone's</source>
            <translation>所有人的(&amp;E)</translation>
        </message>
        <message>
            <source>Show every analyst's annotations; theirs are outlined and read-only</source>
            <translation>显示所有标注员的标注；他人的以边框显示且为只读</translation>
        </message>
        <message>
            <source>&amp;Chosen analysts…</source>
            <translation>选定的标注员(&amp;C)…</translation>
        </message>
        <message>
            <source>Show your annotations and those of the analysts you choose</source>
            <translation>显示您的标注以及所选标注员的标注</translation>
        </message>
        <message>
            <source>Blind mode: you see only your own annotations</source>
            <translation>盲标模式：您只能看到自己的标注</translation>
        </message>
        <message>
            <source>Blind mode: suggestions come only from your own labels</source>
            <translation>盲标模式：建议只来自您自己的标注</translation>
        </message>
        <message>
            <source>Articles — my queue: {count:,} of {count2:,} done</source>
            <translation>文章 — 我的队列：已完成 {count:,} / {count2:,}</translation>
        </message>
        <message>
            <source> · blind mode</source>
            <translation> · 盲标模式</translation>
        </message>
        <message>
            <source> (file gone)</source>
            <translation>（文件已不存在）</translation>
        </message>
        <message>
            <source>{name} — {annotator}{blind}{gone} — Annotator</source>
            <translation>{name} — {annotator}{blind}{gone} — Annotator</translation>
        </message>
        <message numerus="yes">
            <source>Assigned %Ln article(s) to {analysts}.</source>
            <translation>
                <numerusform>已将 %Ln 篇文章分配给{analysts}。</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n analyst(s)</source>
            <translation>
                <numerusform>%n 位标注员</numerusform>
            </translation>
        </message>
        <message>
            <source>This corpus is not a file: save work in a corpus file first.</source>
            <translation>此语料库不是文件：请先将工作保存到语料库文件中。</translation>
        </message>
        <message>
            <source>Share for an analyst</source>
            <translation>为标注员共享</translation>
        </message>
        <message>
            <source>Analyst:</source>
            <translation>标注员：</translation>
        </message>
        <message>
            <source>Share for {name}</source>
            <translation>为 {name} 共享</translation>
        </message>
        <message>
            <source>{out} already exists; choose another name.</source>
            <translation>{out} 已存在；请另选名称。</translation>
        </message>
        <message>
            <source>Writing a corpus file for {name}…</source>
            <translation>正在为 {name} 写出语料库文件…</translation>
        </message>
        <message>
            <source>Merge corpus files</source>
            <translation>合并语料库文件</translation>
        </message>
        <message>
            <source>Merging corpus files…</source>
            <translation>正在合并语料库文件…</translation>
        </message>
        <message>
            <source>Stopped; nothing half-done was kept.</source>
            <translation>已停止；未保留任何半完成的内容。</translation>
        </message>
        <message>
            <source>The merge stopped: {error}</source>
            <translation>合并已停止：{error}</translation>
        </message>
        <message>
            <source>Refused {file}: {why}</source>
            <translation>已拒绝 {file}：{why}</translation>
        </message>
        <message>
            <source>… and {more:,} more lines (annotator merge lists them all).</source>
            <translation>… 另有 {more:,} 行（annotator merge 会全部列出）。</translation>
        </message>
        <message>
            <source>Show the annotations of</source>
            <translation>显示以下标注员的标注</translation>
        </message>
        <message>
            <source>Your own annotations always show. Others' are outlined and read-only; hover one to see whose it is.</source>
            <translation>您自己的标注总是显示。他人的标注以边框显示且为只读；悬停可查看是谁的。</translation>
        </message>
        <message>
            <source>No other analyst has annotations in this corpus yet.</source>
            <translation>此语料库中还没有其他标注员的标注。</translation>
        </message>
        <message>
            <source>{name}'s work</source>
            <translation>{name} 的工作</translation>
        </message>
        <message>
            <source>the work of several analysts</source>
            <translation>多名标注员的工作</translation>
        </message>
        <message>
            <source>not readable as a corpus: it will be refused</source>
            <translation>无法作为语料库读取：将被拒绝</translation>
        </message>
        <message>
            <source>keep their name</source>
            <translation>保留其姓名</translation>
        </message>
        <message>
            <source>Credit the work of the file's analyst to this name (NEW), or rename one of several (OLD=NEW)</source>
            <translation>将该文件中标注员的工作记在此姓名下（NEW），或重命名多名中的一名（OLD=NEW）</translation>
        </message>
        <message>
            <source>Articles are matched by their text, labels by tag. Each analyst's layer of an article comes across whole and replaces a layer here only when it is newer; a backup of this corpus is taken first.</source>
            <translation>文章按文本匹配，标签按代码匹配。每名标注员对一篇文章的标注层整体合并，只有较新时才替换此处的标注层；合并前会先备份此语料库。</translation>
        </message>
        <message>
            <source>Merge</source>
            <translation>合并</translation>
        </message>
        <message>
            <source>Credit the incoming analyst as:</source>
            <translation>将传入的标注员记为：</translation>
        </message>
        <message>
            <source>Who labelled these files?</source>
            <translation>这些文件由谁标注？</translation>
        </message>
        <message numerus="yes">
            <source>Spans in the %n chosen file(s) that do not name who made them are credited to:</source>
            <translation>
                <numerusform>所选 %n 个文件中未注明标注者的片段记在：</numerusform>
            </translation>
        </message>
        <message>
            <source>Each file (import:FILE), so imported labels stay apart</source>
            <translation>各文件名下（import:文件名），使导入的标注与其他标注分开</translation>
        </message>
        <message>
            <source>This analyst:</source>
            <translation>这位标注员：</translation>
        </message>
        <message>
            <source>An analyst's name, e.g. mei</source>
            <translation>标注员的名字，例如 mei</translation>
        </message>
        <message>
            <source>Spans whose file names their annotator keep that name.</source>
            <translation>文件中注明了标注者的片段保留该名字。</translation>
        </message>
        <message>
            <source>&amp;Import</source>
            <translation>导入(&amp;I)</translation>
        </message>
        <message>
            <source>Type the analyst's name, or credit each file</source>
            <translation>请输入标注员的名字，或选择记在各文件名下</translation>
        </message>
    </context>
</TS>
