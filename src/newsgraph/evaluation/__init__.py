"""Scorers against gold data, one module per kind (``newsgraph eval KIND``).

Unit tests do not use them; ``make eval`` runs them and ``eval/gate.py``
checks their numbers against the floors in ``eval/floors.json``.
"""
