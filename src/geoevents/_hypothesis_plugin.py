"""The Hypothesis plugin hook: registers geoevents' strategies for ``st.from_type``.

Hypothesis calls :func:`_hypothesis_setup_hook` through the ``hypothesis`` entry point
group when it is first imported. Importing :mod:`geoevents.strategies` registers the
strategies; when that module is itself the one importing Hypothesis, it is still
half-loaded here and registers them when it finishes.
"""

from __future__ import annotations


def _hypothesis_setup_hook() -> None:
    import geoevents.strategies  # noqa: F401  (registers on import)
