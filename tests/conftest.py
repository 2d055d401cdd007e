"""Shared test configuration: Hypothesis profiles and common record builders."""

from __future__ import annotations

import os

from hypothesis import HealthCheck, settings

# A fast default for local runs; CI selects the thorough profile with HYPOTHESIS_PROFILE=ci.
settings.register_profile("dev", max_examples=50, deadline=None)
settings.register_profile(
    "ci",
    max_examples=300,
    deadline=None,
    print_blob=True,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "dev"))
