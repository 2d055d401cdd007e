"""The Hypothesis plugin hook: registers geoevents' strategies for ``st.from_type``.

Hypothesis calls :func:`_hypothesis_setup_hook` through the ``hypothesis`` entry point
group when it is imported, so this module must import nothing heavy at module level.
"""

from __future__ import annotations


def _hypothesis_setup_hook() -> None:
    from geoevents.strategies import _register

    _register()
