"""`make eval`: score the understanding stages against the project's gold sets.

    python -m eval.run                 # all sets: seeds (when ../shared/seeds exists), demo, hard
    python -m eval.run --set hard      # one set
    python -m eval.run --json out.json # also write the figures

Modules: ``scoring`` (pure matching and figures), ``align`` (gold offsets in the raw
text → offsets in the cleaned article text), ``gold`` (reading the gold files and
building the articles), ``run`` (the command), ``annotate`` (offsets from phrases,
for annotators). The gold format is described in eval/README.md.
"""
