"""The PETRARCH/Phoenix dictionaries, converted into the knowledge base's own files.

``build(source_dir, out_dir)`` (the ``newsgraph kb build --petrarch DIR`` command)
reads the Phoenix actor, agent and discard dictionaries of PETRARCH2
(github.com/openeventdata/petrarch2 @ 676801c, petrarch2/data/dictionaries/,
MIT licence, Open Event Data Alliance) and writes ``petrarch_*.tsv`` files in
the formats of the hand-written files, which they extend and which win over
them. Modules, by step: ``reader`` (the dictionary formats, with errors naming
file and line), ``codes`` (CAMEO actor codes), ``names`` (readable names, what
a record names), ``people``, ``organizations``, ``geography`` (the rows of each
output file) and ``build`` (the command).
"""

from newsgraph.kb.petrarch.build import OUTPUTS, Report, build

__all__ = ["OUTPUTS", "Report", "build"]
