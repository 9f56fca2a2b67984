"""Readable colours: WCAG contrast, and label tints that keep text legible on light and dark palettes."""

from __future__ import annotations

from PySide6.QtGui import QColor, QPalette

BLACK, WHITE = QColor("#111111"), QColor("#ffffff")
MIN_CONTRAST = 4.5  # WCAG AA for body text


def luminance(colour: QColor | str) -> float:
    """WCAG relative luminance, 0 (black) to 1 (white)."""
    c = QColor(colour)

    def channel(v: float) -> float:
        return v / 12.92 if v <= 0.04045 else ((v + 0.055) / 1.055) ** 2.4

    return 0.2126 * channel(c.redF()) + 0.7152 * channel(c.greenF()) + 0.0722 * channel(c.blueF())


def contrast(a: QColor | str, b: QColor | str) -> float:
    """WCAG contrast ratio, 1 to 21."""
    la, lb = luminance(a), luminance(b)
    return (max(la, lb) + 0.05) / (min(la, lb) + 0.05)


def is_dark(colour: QColor | str) -> bool:
    return luminance(colour) < 0.18


def blend(colour: QColor | str, amount: float, base: QColor | str = "#ffffff") -> QColor:
    """``amount`` of ``colour`` over ``base``."""
    c, b = QColor(colour), QColor(base)

    def mix(x: int, y: int) -> int:
        return round(x * amount + y * (1 - amount))

    return QColor(mix(c.red(), b.red()), mix(c.green(), b.green()), mix(c.blue(), b.blue()))


def text_on(background: QColor | str, preferred: QColor | str | None = None) -> QColor:
    """``preferred`` when it reads well on ``background`` (contrast >= 4.5), else black or white, whichever reads
    better."""
    if preferred is not None and contrast(preferred, background) >= MIN_CONTRAST:
        return QColor(preferred)
    return BLACK if contrast(BLACK, background) >= contrast(WHITE, background) else WHITE


def span_tint(colour: QColor | str, depth: int, base: QColor | str) -> QColor:
    """The background of text inside ``depth`` nested spans (1 = not nested): a tint of the label
    colour over the text background, deeper with each level, stronger on a dark background."""
    first, step, most = (0.28, 0.17, 0.7) if not is_dark(base) else (0.36, 0.14, 0.64)
    return blend(colour, min(first + step * (depth - 1), most), base)


def readable(colour: QColor | str, background: QColor | str) -> QColor:
    """``colour`` as close to itself as it can stay while reading well on ``background``
    (contrast >= 4.5): lightened on a dark background, darkened on a light one."""
    c, bg = QColor(colour), QColor(background)
    target = WHITE if is_dark(bg) else QColor("#000000")
    amount = 0.0
    while contrast(c, bg) < MIN_CONTRAST and amount < 1.0:
        amount = min(1.0, amount + 0.05)
        c = blend(target, amount, colour)
    return c


def text_colour_style(widget, colour: QColor | str) -> str:
    """A style sheet giving ``widget`` text in ``colour``, made readable on its window background."""
    background = widget.palette().color(QPalette.ColorRole.Window)
    return f"color: {readable(colour, background).name()};"
