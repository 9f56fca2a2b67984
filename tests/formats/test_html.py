import pytest

from annotator.formats.base import InputError
from annotator.formats.html import declared_charset, read_html

PAGE = """<!DOCTYPE html>
<html lang="en"><head>
<meta charset="{charset}">
<title>Shunde opens a robot park</title>
<meta name="author" content="Li Wei">
<meta property="og:site_name" content="Western Delta Daily">
<link rel="canonical" href="https://example.org/news/robot-park">
<script>document.write("INJECTED");</script>
</head><body>
<nav><a href="/">Home</a> | <a href="/news">News</a></nav>
<article>
<h1>Shunde opens a robot park</h1>
<p>Foshan (佛山) announced on Monday that the Shunde robot park will open in May,
with servo motor makers and battery recyclers among its first tenants.</p>
<p>Midea Group said it would move a research team of forty engineers to the park,
and the district promised faster approvals for companies along the new freight line.</p>
<p>Officials said the village-level industrial park renovation would continue in Beijiao and Lecong.</p>
</article>
<footer>Copyright Western Delta Daily</footer>
</body></html>
"""


def test_main_text_title_and_metadata():
    (record,) = read_html(PAGE.format(charset="utf-8").encode("utf-8"))
    assert record.title == "Shunde opens a robot park"
    assert "Foshan (佛山) announced on Monday" in record.text
    assert "Midea Group said" in record.text and "Beijiao and Lecong" in record.text
    assert "INJECTED" not in record.text and "document.write" not in record.text
    assert "Home" not in record.text and "Copyright" not in record.text
    assert record.source == "Western Delta Daily"
    assert record.url == "https://example.org/news/robot-park"
    assert record.meta.get("author") == "Li Wei"


def test_meta_charset_decides_the_encoding():
    page = PAGE.format(charset="gb2312")
    (record,) = read_html(page.encode("gb18030"))
    assert "Foshan (佛山) announced" in record.text
    assert declared_charset(page.encode("gb18030")) == "gb2312"


def test_tiny_page_falls_back_to_its_plain_text():
    (record,) = read_html(b"<html><body><p>Jiangmen port reopened.</p></body></html>")
    assert record.text == "Jiangmen port reopened."
    assert record.title == "Jiangmen port reopened."


def test_page_without_text_is_refused():
    with pytest.raises(InputError, match="No article text found"):
        list(read_html(b"<html><head><script>var x = 1;</script></head><body> </body></html>"))
