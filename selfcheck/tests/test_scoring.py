"""Scoring of the readiness self-check, tested directly on plain data."""

from selfcheck.scoring import (
    LEVEL_GETTING_THERE,
    LEVEL_READY,
    LEVEL_START_HERE,
    Question,
    Theme,
    score,
    where_to_start,
)

CAPITAL = Theme("capital", (Question(1, (0, 5, 10)), Question(2, (0, 2, 4))))
PEOPLE = Theme("people", (Question(3, (0, 10)),))
MONEY = Theme("money", (Question(4, (0, 3, 6, 10)), Question(5, (1, 5))))


def test_points_per_theme_follow_the_chosen_answers():
    scores = score([CAPITAL, PEOPLE, MONEY], {1: 2, 2: 3, 3: 2, 4: 1, 5: 1})
    assert [(s.theme.key, s.points, s.max_points) for s in scores] == [
        ("capital", 9, 14),
        ("people", 10, 10),
        ("money", 1, 15),
    ]
    # 9/14 = 64 %, 10/10 = 100 %, 1/15 = 7 %
    assert [s.percent for s in scores] == [64, 100, 7]
    assert [s.level for s in scores] == [LEVEL_GETTING_THERE, LEVEL_READY, LEVEL_START_HERE]


def test_start_with_the_weakest_themes_that_are_not_ready():
    scores = score([CAPITAL, PEOPLE, MONEY], {1: 2, 2: 3, 3: 2, 4: 1, 5: 1})
    assert [s.theme.key for s in where_to_start(scores)] == ["money", "capital"]
    assert [s.theme.key for s in where_to_start(scores, limit=1)] == ["money"]


def test_everything_ready_means_nothing_to_start_with():
    scores = score([CAPITAL, PEOPLE], {1: 3, 2: 3, 3: 2})
    assert all(s.level == LEVEL_READY for s in scores)
    assert where_to_start(scores) == []


def test_missing_or_impossible_answers_score_nothing():
    scores = score([CAPITAL, PEOPLE], {1: 9, 2: 0, 7: 1})
    assert [s.points for s in scores] == [0, 0]
    assert [s.percent for s in scores] == [0, 0]


def test_a_theme_without_questions_scores_zero_and_is_not_a_place_to_start():
    empty = Theme("empty", ())
    scores = score([empty, PEOPLE], {3: 1})
    assert scores[0].percent == 0 and scores[0].max_points == 0
    assert [s.theme.key for s in where_to_start(scores)] == ["people"]


def test_level_boundaries():
    theme = Theme("t", (Question(1, tuple(range(101))),))
    levels = {p: score([theme], {1: p + 1})[0].level for p in (39, 40, 69, 70)}
    assert levels == {39: LEVEL_START_HERE, 40: LEVEL_GETTING_THERE, 69: LEVEL_GETTING_THERE, 70: LEVEL_READY}
