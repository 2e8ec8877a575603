"""The systemd units in deploy/systemd pass `systemd-analyze verify`, in a scratch root where
/opt/mentoring is this checkout (so every program a unit names must exist in it), and say
what README promises: a non-root user, the settings file, restarts, hardening, graceful stops."""

import configparser
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.deploy.conftest import program

ROOT = Path(__file__).resolve().parents[2]
UNITS = ROOT / "deploy" / "systemd"
INSTALLED = Path("/opt/mentoring")
SERVICES = ["mentoring-web@8001.service", "mentoring-worker@1.service", "mentoring-beat.service"]


def read_unit(name):
    parser = configparser.ConfigParser(strict=False, interpolation=None)
    parser.optionxform = str
    parser.read_string((UNITS / name).read_text())
    return parser


def scratch_root(tmp_path):
    """systemd's own units, `kill`, the units under test, and under /opt/mentoring a copy
    of each file of this checkout the units name."""
    root = tmp_path / "root"
    (root / "etc/systemd/system").mkdir(parents=True)
    (root / "usr/bin").mkdir(parents=True)
    (root / "bin").symlink_to("usr/bin")
    shutil.copytree("/usr/lib/systemd/system", root / "usr/lib/systemd/system", symlinks=True)
    shutil.copy(shutil.which("kill") or "/usr/bin/kill", root / "usr/bin/kill")
    for unit in UNITS.iterdir():
        shutil.copy(unit, root / "etc/systemd/system" / unit.name)
        for path in re.findall(rf"{INSTALLED}/\S+", unit.read_text()):
            relative = Path(path).relative_to(INSTALLED)
            target = root / INSTALLED.relative_to("/") / relative
            target.parent.mkdir(parents=True, exist_ok=True)
            # A missing file here (a renamed program) fails the test, as it would fail on
            # the server.
            shutil.copy(ROOT / relative, target)
    return root


def test_units_pass_systemd_analyze_verify(tmp_path):
    systemd_analyze = program("systemd-analyze")
    if not Path("/usr/lib/systemd/system").is_dir():
        pytest.skip("needs systemd's own unit files")
    root = scratch_root(tmp_path)
    done = subprocess.run(  # noqa: S603 - fixed arguments
        [
            systemd_analyze,
            "verify",
            f"--root={root}",
            "--man=no",
            *SERVICES,
            "mentoring-web@8001.socket",
            "mentoring.target",
        ],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        timeout=60,
    )
    # verify exits 0 even for an unknown key or a bad value; it only says so.
    assert (done.returncode, done.stdout + done.stderr) == (0, "")


@pytest.mark.parametrize("name", [s.replace("@8001", "@").replace("@1", "@") for s in SERVICES])
def test_each_service_runs_unprivileged_restarts_and_stops_gracefully(name):
    service = read_unit(name)["Service"]
    assert service["User"] == "mentoring"
    assert service["EnvironmentFile"] == "/etc/mentoring/mentoring.env"
    assert service["Restart"] == "always"
    # SIGTERM to the main process only: gunicorn's and Celery's graceful stops.
    assert (service["KillSignal"], service["KillMode"]) == ("SIGTERM", "mixed")
    assert int(service["TimeoutStopSec"]) >= 30
    assert service["ProtectSystem"] == "strict"
    assert service["ReadWritePaths"] == "/var/lib/mentoring"
    for option in ("NoNewPrivileges", "PrivateTmp", "ProtectHome", "PrivateDevices"):
        assert service[option] == "true", option


def test_web_instances_listen_on_sockets_systemd_holds():
    unit = read_unit("mentoring-web@.service")
    assert unit["Unit"]["Requires"] == "mentoring-web@%i.socket"
    assert read_unit("mentoring-web@.socket")["Socket"]["ListenStream"] == "127.0.0.1:%i"


def test_web_instances_keep_their_control_sockets_apart():
    service = read_unit("mentoring-web@.service")["Service"]
    assert service["Environment"] == "GUNICORN_PORT=%i"
    assert service["RuntimeDirectory"] == "mentoring-web-%i"
    # gunicorn.conf.py puts the socket in the instance's own RUNTIME_DIRECTORY.
    config = (ROOT / "deploy" / "gunicorn.conf.py").read_text()
    assert 'os.path.join(runtime_dir, f"gunicorn-{port}.ctl")' in config
    # The stop waits longer than gunicorn lets a request finish.
    assert int(service["TimeoutStopSec"]) > 30 and "graceful_timeout = 30" in config


def test_the_example_settings_name_only_settings_the_site_reads():
    settings = (ROOT / "mentoring" / "settings.py").read_text()
    example = (ROOT / "deploy" / "mentoring.env.example").read_text().splitlines()
    names = [line.split("=", 1)[0] for line in example if line and not line.startswith("#")]
    assert "SECRET_KEY" in names and "BEHIND_TLS_PROXY" in names
    for name in names:
        assert f'"{name}"' in settings or name == "PYTHONDONTWRITEBYTECODE", name
