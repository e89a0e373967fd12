"""The one accent fold: every key that compares names across spellings starts here.

``strip_accents("Bogotá")`` is "Bogota": Unicode compatibility decomposition (NFKD),
then the combining marks dropped. ``fold("Bogotá")`` also folds case ("bogota").
Callers add their own rules on top (an outlet key drops "the" and "news agency", a
place key reads hyphens as spaces), but they all agree on accents and case.
"""

from __future__ import annotations

import unicodedata


def strip_accents(text: str) -> str:
    if text.isascii():
        return text  # (NFKD leaves ASCII as it is; most keys are)
    return "".join(c for c in unicodedata.normalize("NFKD", text)
                   if not unicodedata.combining(c))


def fold(text: str) -> str:
    """Accents stripped, case folded, outer spaces trimmed."""
    return strip_accents(text).casefold().strip()
