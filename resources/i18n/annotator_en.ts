<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
    <context>
        <name />
        <message numerus="yes">
            <source>Add %n annotation(s)</source>
            <translation>
                <numerusform>Add %n annotation</numerusform>
                <numerusform>Add %n annotations</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Delete %n annotation(s)</source>
            <translation>
                <numerusform>Delete %n annotation</numerusform>
                <numerusform>Delete %n annotations</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Label %n missed mention(s)</source>
            <translation>
                <numerusform>Label %n missed mention</numerusform>
                <numerusform>Label %n missed mentions</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Reject %n missed mention(s)</source>
            <translation>
                <numerusform>Reject %n missed mention</numerusform>
                <numerusform>Reject %n missed mentions</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%Ln text(s) labelled in more than one way.</source>
            <translation>
                <numerusform>%Ln text labelled in more than one way.</numerusform>
                <numerusform>%Ln texts labelled in more than one way.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%Ln missed mention(s).</source>
            <translation>
                <numerusform>%Ln missed mention.</numerusform>
                <numerusform>%Ln missed mentions.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Label these %n other occurrence(s) of “{needle}” as &lt;b&gt;{label_name}&lt;/b&gt;. Uncheck the ones to leave alone.</source>
            <translation>
                <numerusform>Label these %n other occurrence of “{needle}” as &lt;b&gt;{label_name}&lt;/b&gt;. Uncheck the ones to leave alone.</numerusform>
                <numerusform>Label these %n other occurrences of “{needle}” as &lt;b&gt;{label_name}&lt;/b&gt;. Uncheck the ones to leave alone.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>

%n annotation(s) carry it and will be deleted with it.</source>
            <translation>
                <numerusform>

%n annotation carry it and will be deleted with it.</numerusform>
                <numerusform>

%n annotations carry it and will be deleted with it.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Relabel %n annotation(s) as {name}</source>
            <translation>
                <numerusform>Relabel %n annotation as {name}</numerusform>
                <numerusform>Relabel %n annotations as {name}</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Mark %n annotation(s) reviewed</source>
            <translation>
                <numerusform>Mark %n annotation reviewed</numerusform>
                <numerusform>Mark %n annotations reviewed</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Unmark %n annotation(s) reviewed</source>
            <translation>
                <numerusform>Unmark %n annotation reviewed</numerusform>
                <numerusform>Unmark %n annotations reviewed</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>&amp;Delete %Ln annotation(s)	Delete</source>
            <translation>
                <numerusform>&amp;Delete %Ln annotation	Delete</numerusform>
                <numerusform>&amp;Delete %Ln annotations	Delete</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>All %Ln annotation(s)</source>
            <translation>
                <numerusform>All %Ln annotation</numerusform>
                <numerusform>All %Ln annotations</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%Ln matching annotation(s)</source>
            <translation>
                <numerusform>%Ln matching annotation</numerusform>
                <numerusform>%Ln matching annotations</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>{articles}, {hits} and %Ln title match(es) shown</source>
            <translation>
                <numerusform>{articles}, {hits} and %Ln title match shown</numerusform>
                <numerusform>{articles}, {hits} and %Ln title matches shown</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%Ln article(s)</source>
            <translation>
                <numerusform>%Ln article</numerusform>
                <numerusform>%Ln articles</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%Ln mention(s)</source>
            <translation>
                <numerusform>%Ln mention</numerusform>
                <numerusform>%Ln mentions</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%Ln hit(s)</source>
            <translation>
                <numerusform>%Ln hit</numerusform>
                <numerusform>%Ln hits</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>{done:,} of %Ln article(s) done</source>
            <translation>
                <numerusform>{done:,} of %Ln article done</numerusform>
                <numerusform>{done:,} of %Ln articles done</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%Ln annotation(s) in all</source>
            <translation>
                <numerusform>%Ln annotation in all</numerusform>
                <numerusform>%Ln annotations in all</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%Ln annotation(s)</source>
            <translation>
                <numerusform>%Ln annotation</numerusform>
                <numerusform>%Ln annotations</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%Ln of the chosen articles [has|have] no annotations: token formats (spaCy, Prodigy, CoNLL, Hugging Face) write [it|them] with every token O, as text with nothing to find.</source>
            <translation>
                <numerusform>%Ln of the chosen articles has no annotations: token formats (spaCy, Prodigy, CoNLL, Hugging Face) write it with every token O, as text with nothing to find.</numerusform>
                <numerusform>%Ln of the chosen articles have no annotations: token formats (spaCy, Prodigy, CoNLL, Hugging Face) write them with every token O, as text with nothing to find.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Accept %n suggestion(s)</source>
            <translation>
                <numerusform>Accept %n suggestion</numerusform>
                <numerusform>Accept %n suggestions</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Accepted %n suggestion(s). Ctrl+Z takes them all back.</source>
            <translation>
                <numerusform>Accepted %n suggestion. Ctrl+Z takes them all back.</numerusform>
                <numerusform>Accepted %n suggestions. Ctrl+Z takes them all back.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Accept %n agreed span(s) into {gold}</source>
            <translation>
                <numerusform>Accept %n agreed span into {gold}</numerusform>
                <numerusform>Accept %n agreed spans into {gold}</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n span(s) every analyst made alike went into {gold}. Ctrl+Z undoes it.</source>
            <translation>
                <numerusform>%n span every analyst made alike went into {gold}. Ctrl+Z undoes it.</numerusform>
                <numerusform>%n spans every analyst made alike went into {gold}. Ctrl+Z undoes it.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Gold layer &lt;b&gt;{gold}&lt;/b&gt; · article {article_id} · analysts {join} · %n span(s) agreed by all</source>
            <translation>
                <numerusform>Gold layer &lt;b&gt;{gold}&lt;/b&gt; · article {article_id} · analysts {join} · %n span agreed by all</numerusform>
                <numerusform>Gold layer &lt;b&gt;{gold}&lt;/b&gt; · article {article_id} · analysts {join} · %n spans agreed by all</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%Ln article(s) {basis} all, {tokens:,} tokens</source>
            <translation>
                <numerusform>%Ln article {basis} all, {tokens:,} tokens</numerusform>
                <numerusform>%Ln articles {basis} all, {tokens:,} tokens</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%Ln disagreement(s) between {a} (A) and {b} (B), {name}, in {articles}. Enter opens the article.</source>
            <translation>
                <numerusform>%Ln disagreement between {a} (A) and {b} (B), {name}, in {articles}. Enter opens the article.</numerusform>
                <numerusform>%Ln disagreements between {a} (A) and {b} (B), {name}, in {articles}. Enter opens the article.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%Ln article(s), each to {per} of {count} analysts.{note}</source>
            <translation>
                <numerusform>%Ln article, each to {per} of {count} analysts.{note}</numerusform>
                <numerusform>%Ln articles, each to {per} of {count} analysts.{note}</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Assign %n article(s)</source>
            <translation>
                <numerusform>Assign %n article</numerusform>
                <numerusform>Assign %n articles</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Assigned %Ln article(s) to {analysts}.</source>
            <translation>
                <numerusform>Assigned %Ln article to {analysts}.</numerusform>
                <numerusform>Assigned %Ln articles to {analysts}.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n analyst(s)</source>
            <translation>
                <numerusform>%n analyst</numerusform>
                <numerusform>%n analysts</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Spans in the %n chosen file(s) that do not name who made them are credited to:</source>
            <translation>
                <numerusform>Spans in the %n chosen file that do not name who made them are credited to:</numerusform>
                <numerusform>Spans in the %n chosen files that do not name who made them are credited to:</numerusform>
            </translation>
        </message>
    </context>
</TS>
