import pytest


@pytest.fixture(autouse=True)
def _daytime_everywhere(settings):
    # Whether an e-mail goes out must not depend on the hour the suite runs at;
    # tests of quiet hours switch them back on and set the clock.
    settings.NOTIFICATION_QUIET_HOURS = None
