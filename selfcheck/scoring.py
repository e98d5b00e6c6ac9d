"""Scoring of the readiness self-check: points per theme, a level, and the themes to start with.

Plain dataclasses and functions with no Django imports, so they are tested directly. Questions are
numbered in the order readers see them (themes in order, questions in order within each theme); a
reader's answers are ``{question number: answer number}``, both counted from 1. A shareable result URL
holds the same answers under each question's stable name (``?q-1a2b3c4d=2&...``, see selfcheck/views.py).
"""

from dataclasses import dataclass

READY = 70  # per cent of a theme's points from which it counts as ready
GETTING_THERE = 40
LEVEL_READY, LEVEL_GETTING_THERE, LEVEL_START_HERE = "ready", "getting-there", "start-here"


@dataclass(frozen=True)
class Question:
    number: int
    points: tuple[int, ...]  # the points of each answer, in order


@dataclass(frozen=True)
class Theme:
    key: object
    questions: tuple[Question, ...]

    @property
    def max_points(self) -> int:
        return sum(max(q.points, default=0) for q in self.questions)


@dataclass(frozen=True)
class ThemeScore:
    theme: Theme
    points: int
    max_points: int

    @property
    def percent(self) -> int:
        """The share of the theme's points scored, rounded to a whole per cent (0 if there is nothing to score)."""
        if self.max_points <= 0:
            return 0
        return round(100 * self.points / self.max_points)

    @property
    def level(self) -> str:
        if self.percent >= READY:
            return LEVEL_READY
        if self.percent >= GETTING_THERE:
            return LEVEL_GETTING_THERE
        return LEVEL_START_HERE


def score(themes: list[Theme], answers: dict[int, int]) -> list[ThemeScore]:
    """Points per theme for ``answers``; a missing or impossible answer scores nothing."""
    results = []
    for theme in themes:
        points = 0
        for question in theme.questions:
            chosen = answers.get(question.number)
            if chosen is not None and 1 <= chosen <= len(question.points):
                points += question.points[chosen - 1]
        results.append(ThemeScore(theme, points, theme.max_points))
    return results


def where_to_start(scores: list[ThemeScore], limit: int = 2) -> list[ThemeScore]:
    """The themes to work on first: those not yet ready, weakest first (ties keep the editors' order)."""
    weak = [s for s in scores if s.level != LEVEL_READY and s.max_points > 0]
    return sorted(weak, key=lambda s: s.percent)[:limit]
