"""`cmake --install build --component python` puts a package Debian's python3 imports."""
import os
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import SAMPLE_FILES

BUILD = os.environ.get("GONGKAI_BUILD_DIR")
CMAKE = os.environ.get("GONGKAI_CMAKE", "cmake")


@pytest.mark.skipif(not BUILD, reason="run from ctest (GONGKAI_BUILD_DIR)")
def test_installed_package_imports_and_reads(tmp_path):
    env = dict(os.environ, DESTDIR=str(tmp_path))
    subprocess.run([CMAKE, "--install", BUILD, "--component", "python"], env=env, check=True, capture_output=True)
    installed = sorted(tmp_path.rglob("gongkai/__init__.py"))
    assert len(installed) == 1
    site = installed[0].parent.parent
    # Without DESTDIR the package lands in a directory on this interpreter's path.
    assert "/" + str(site.relative_to(tmp_path)) in sys.path
    assert (site / "gongkai" / "__init__.pyi").exists() and (site / "gongkai" / "py.typed").exists()
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    env["PYTHONPATH"] = str(site)
    code = "import sys, gongkai; print(gongkai.__file__); print(gongkai.extract(sys.argv[1])['source']['file'])"
    out = subprocess.run([sys.executable, "-c", code, str(SAMPLE_FILES[0])], env=env, capture_output=True,
                         text=True, check=True).stdout.split()
    assert Path(out[0]).is_relative_to(site) and out[1] == SAMPLE_FILES[0].name
