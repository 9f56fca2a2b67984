"""The window's language: Qt's translation of every visible string, English or Simplified Chinese.

Every user-visible string of the window is written in English and passed through ``tr()`` where it is
shown; a string kept in a table before it is shown is marked with ``QT_TR_NOOP`` so that ``lupdate``
finds it, and goes through ``tr()`` when it is used. Counts use Qt's plural forms: ``tr("%n article(s)",
None, n)``; the English catalogue holds the English forms ("1 article", "2 articles").

    make translations      # lupdate: the .ts sources from the code; lrelease: the .qm catalogues

The catalogues live in ``resources/i18n/``. The language follows the system locale unless one is chosen
(View › Language), and applies from the next start. The command line speaks English.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QT_TR_NOOP, QCoreApplication, QLibraryInfo, QLocale, QSettings, QTranslator

# code -> the language's own name (shown in the menu in that language, as desktop apps do)
LANGUAGES: dict[str, str] = {"en": "English", "zh_CN": "简体中文"}
CONTEXT = ""  # lupdate puts a plain tr() call in the unnamed context


def tr(text: str, disambiguation: str | None = None, n: int = -1) -> str:
    """``text`` in the window's language; with ``n`` >= 0, the plural form for n, with %n replaced."""
    return QCoreApplication.translate(CONTEXT, text, disambiguation, n)


def _folder() -> Path:
    import annotator

    here = Path(annotator.__file__).resolve().parent.parent / "resources" / "i18n"
    installed = Path(sys.prefix) / "share" / "annotator" / "resources" / "i18n"
    bundled = Path(getattr(sys, "_MEIPASS", "")) / "resources" / "i18n"
    for folder in (here, bundled, installed):
        if folder.is_dir():
            return folder
    return here


def chosen_language(settings: QSettings) -> str:
    """The language the user chose, or "" to follow the system."""
    from annotator.ui import settings as keys

    value = keys.LANGUAGE.read(settings)
    return value if value in LANGUAGES else ""


def effective_language(settings: QSettings | None = None, locale: QLocale | None = None) -> str:
    """The language the window speaks: the chosen one, else the system's when there is a catalogue for it."""
    chosen = chosen_language(settings) if settings is not None else ""
    if chosen:
        return chosen
    locale = locale or QLocale.system()
    if locale.language() == QLocale.Language.Chinese and locale.script() != QLocale.Script.TraditionalHanScript:
        return "zh_CN"
    return "en"


_installed: list[QTranslator] = []


def install(app: QCoreApplication, language: str) -> str:
    """Load the catalogues of ``language`` (and Qt's own, for its standard dialogs); returns the language."""
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    qt_folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    candidates = [(f"annotator_{language}", str(_folder()))]
    if language != "en":
        candidates.append((f"qtbase_{language}", qt_folder))
    for name, folder in candidates:
        translator = QTranslator(app)
        if translator.load(name, folder):
            app.installTranslator(translator)
            _installed.append(translator)
    return language


def language_name(code: str) -> str:
    return LANGUAGES.get(code, code)


SYSTEM_LANGUAGE = QT_TR_NOOP("System language")
STATUS_NAMES = {"new": QT_TR_NOOP("New"), "in_progress": QT_TR_NOOP("In progress"), "done": QT_TR_NOOP("Done")}


def status_name(status: object) -> str:
    """An article status (new, in_progress, done) as the window names it."""
    key = str(status)
    return tr(STATUS_NAMES[key]) if key in STATUS_NAMES else key


def language_menu(parent, settings: QSettings, on_chosen=None):
    """View › Language: follow the system, or one of LANGUAGES (each named in its own language).

    The choice is kept in the settings and applies from the next start; the window says so.
    """
    from PySide6.QtGui import QAction, QActionGroup
    from PySide6.QtWidgets import QMenu

    menu = QMenu(tr("&Language"), parent)
    menu.setObjectName("languageMenu")
    group = QActionGroup(menu)
    current = chosen_language(settings)
    for code, name in [("", tr(SYSTEM_LANGUAGE)), *LANGUAGES.items()]:
        action = QAction(name, menu, checkable=True)
        action.setObjectName(f"language_{code or 'system'}")
        action.setChecked(code == current)
        action.setData(code)
        group.addAction(action)
        menu.addAction(action)

    def chosen(action) -> None:
        from annotator.ui import settings as keys

        keys.LANGUAGE.write(settings, action.data())
        if on_chosen is not None:
            on_chosen(action.data())

    group.triggered.connect(chosen)
    return menu
