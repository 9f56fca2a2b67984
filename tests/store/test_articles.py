

def test_the_list_of_ids_is_a_range_while_no_article_was_deleted(tmp_path):
    from annotator.store import open_corpus

    with open_corpus(tmp_path / "c.db") as corpus:
        for i in range(5):
            corpus.articles.add(f"T{i}", f"Text {i}.")
        assert corpus.articles.id_sequence() == range(1, 6)  # two index lookups, no million ids read
        assert list(corpus.articles.id_sequence("T3")) == corpus.articles.ids("T3") == [4]
        corpus.articles.delete(2)
        assert corpus.articles.id_sequence() == [1, 3, 4, 5] == corpus.articles.ids()


def test_ids_that_do_not_start_at_one_are_read_not_assumed(tmp_path):
    from annotator.store import open_corpus

    with open_corpus(tmp_path / "c.db") as corpus:
        for i in range(3):
            corpus.articles.add(f"T{i}", f"Text {i}.")
        corpus.articles.delete(1)
        corpus.articles.add("T3", "Text 3.")  # ids 2, 3, 4: as many as the largest, not from one
        assert list(corpus.articles.id_sequence()) == [2, 3, 4] == corpus.articles.ids()
