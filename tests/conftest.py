"""Shared test configuration.

Hypothesis profiles (tests/test_fuzz.py): ``quick`` (loaded unless another is named) runs 200 examples per property, for
every run and CI; ``long`` runs 10,000, for a fuzzing session::

    pytest tests/test_fuzz.py --hypothesis-profile=long

(``HYPOTHESIS_PROFILE=long`` in the environment does the same.)
"""

from __future__ import annotations

import os

from hypothesis import HealthCheck, settings

_SLOW_INPUTS = [HealthCheck.too_slow, HealthCheck.data_too_large]

settings.register_profile("quick", max_examples=200, deadline=None, suppress_health_check=_SLOW_INPUTS)
settings.register_profile("long", max_examples=10_000, deadline=None, suppress_health_check=_SLOW_INPUTS)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "quick"))
