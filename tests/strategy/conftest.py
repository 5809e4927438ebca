from pathlib import Path

from django.conf import settings

import pytest

SEED = Path(settings.BASE_DIR).parent / "shared" / "seeds" / "001_9b776e5ce5e1a0c8.txt"


@pytest.fixture
def seed_path():
    if not SEED.exists():
        pytest.skip(f"seed document not found at {SEED}")
    return SEED


@pytest.fixture
def seed_text(seed_path):
    return seed_path.read_text()
