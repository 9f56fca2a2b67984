import pytest

from annotator.formats.import_labels import (
    PALETTE,
    LabelResolver,
    _distance,
    distinct_colour,
    name_from_tag,
)


@pytest.mark.parametrize(
    "tag, name",
    [("POLICY_TERM", "Policy term"), ("GPE", "GPE"), ("PERSON", "Person"), ("WORK_OF_ART", "Work of art"),
     ("Place", "Place"), ("Policy term", "Policy term"), ("地点", "地点"), ("B-2", "B 2")],
)
def test_names_from_tags(tag, name):
    assert name_from_tag(tag) == name


def test_colours_stay_apart_from_those_in_use():
    used = ["#2e86de", "#e67e22", "#27ae60"]
    picked = []
    for _ in range(30):
        colour = distinct_colour(used + picked)
        assert colour not in used + picked
        picked.append(colour)
    assert picked[0] in PALETTE
    first = used + picked[:10]
    assert min(_distance(a, b) for i, a in enumerate(first) for b in first[:i]) >= 80


def test_loose_and_exact_lookup_and_creation(corpus):
    labels = LabelResolver(corpus.labels)
    location = next(lab for lab in corpus.labels.list() if lab.tag == "LOCATION")
    assert labels.resolve("LOCATION") == location
    assert labels.resolve("Location") == location  # by name
    assert labels.resolve("location") == location  # loosely
    assert labels.resolve("policy term").tag == "POLICY_TERM"
    exact = labels.resolve("location", exact=True)  # Annotator's own export: a tag is a tag
    assert exact.tag == "location" and exact.name == "location" and exact.hotkey is None
    cjk = labels.resolve("地点")
    assert cjk.name == "地点" and cjk.tag.startswith("LABEL_")
    assert labels.resolve("地点") == cjk
    labels.commit()
    assert [lab.tag for lab in labels.created] == ["location", cjk.tag]
    assert LabelResolver(corpus.labels).resolve("地点") == cjk  # found again by name in a later import


def test_rollback_forgets_labels_of_an_undone_transaction(corpus):
    labels = LabelResolver(corpus.labels)
    with pytest.raises(RuntimeError), corpus.db.atomic():
        labels.resolve("TEMP")
        raise RuntimeError
    labels.rollback()
    assert "TEMP" not in {lab.tag for lab in corpus.labels.list()}
    again = labels.resolve("TEMP")
    assert corpus.labels.get(again.id).tag == "TEMP"
