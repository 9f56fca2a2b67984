

def test_the_list_of_ids_is_a_range_while_no_article_was_deleted(tmp_path):
    from annotator.store import open_corpus

    with open_corpus(tmp_path / "c.db") as corpus:
        for i in range(5):
            corpus.articles.add(f"T{i}", f"Text {i}.")
        assert corpus.articles.id_sequence() == range(1, 6)  # two index lookups, no million ids read
        assert list(corpus.articles.id_sequence("T3")) == corpus.articles.ids("T3") == [4]
        corpus.articles.delete(2)
        assert corpus.articles.id_sequence() == [1, 3, 4, 5] == corpus.articles.ids()
