"""Article-derived text made safe to print on a terminal.

A title is data, but a terminal reads some bytes as commands: ``ESC [ 2 J`` clears
the screen, ``ESC ] 8 ;; url`` turns text into a hidden link, ``ESC ] 52`` writes
the clipboard, and the one-byte C1 forms (``\\x9b``, ``\\x9d``) do the same on some
terminals. ``for_terminal`` removes whole escape sequences first (so no parameter
bytes are left behind to be read as text), then every remaining control character,
and the bidirectional overrides that make text display in another order than it
reads. Tabs and line breaks become spaces: a table cell is one logical line.
"""

from __future__ import annotations

import re

# ESC-introduced sequences, longest forms first:
#   OSC / DCS / SOS / PM / APC strings, ended by BEL or ST (ESC \), or cut off;
#   CSI: ESC [ parameters intermediates final;
#   two-byte escapes: ESC and one byte 0x20-0x7e (charset and keypad selections).
_ESC_SEQ = re.compile(
    r"\x1b[\]PX^_][^\x07\x1b\x9c]*(?:\x07|\x1b\\|\x9c)?"
    r"|\x1b\[[0-?]*[ -/]*[@-~]?"
    r"|\x1b[ -~]?"
)
# The same commands spelt with 8-bit C1 introducers: CSI 0x9b, OSC 0x9d, DCS 0x90, ...
_C1_SEQ = re.compile(
    r"[\x9d\x90\x98\x9e\x9f][^\x07\x1b\x9c]*(?:\x07|\x1b\\|\x9c)?"
    r"|\x9b[0-?]*[ -/]*[@-~]?"
)
_SPACE = re.compile(r"[\t\n\r\v\f]+")
# C0 and C1 controls and DEL, then the bidi embeddings, overrides and isolates.
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def for_terminal(text: str) -> str:
    """``text`` without escape sequences or control characters, on one line."""
    if text.isprintable():  # the common case: nothing to do
        return text
    text = _ESC_SEQ.sub("", text)
    text = _C1_SEQ.sub("", text)
    text = _SPACE.sub(" ", text)
    return _CONTROL.sub("", text)
