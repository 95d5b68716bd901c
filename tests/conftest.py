"""Every test's caches in its own folder: netui keeps a start-up view and the last
content of a data file found clean in the user's cache folder (`netui.paths.cache_dir`),
and no test may write to the real one or read another test's."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest


@pytest.fixture(autouse=True)
def private_cache(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    # A MonkeyPatch of its own: sharing the test's `monkeypatch` would set it up before
    # the test's other fixtures, and so undo the test's patches only after their teardown.
    cache = tmp_path_factory.mktemp("xdg-cache")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("XDG_CACHE_HOME", str(cache))
        yield cache
