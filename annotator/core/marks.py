"""A marker for text the window translates: ``QT_TR_NOOP("...")`` returns its argument unchanged.

Below the UI layer there is no Qt, but some text written here is shown in the window (an export
format's description and what it keeps and loses). Marked with this function of the same name as
Qt's macro, ``lupdate`` finds it and puts it in the window's catalogue; the window shows it through
``tr()``. The command line prints it as it is, in English.
"""


def QT_TR_NOOP(text: str) -> str:  # noqa: N802 - the name lupdate looks for
    return text
