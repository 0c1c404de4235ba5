"""Fixtures of the `zentral serve` acceptance tests: the built binary, a server factory that
stops every server it started, headless Chromium through Debian's chromedriver, and the folder
of screenshots (ZENTRAL_SCREENSHOTS, else a temporary folder)."""

import os
import pathlib
import shutil

import pytest

from serve_harness import Server, require_serve, zentral_binary


@pytest.fixture(scope="session")
def zentral():
    binary = zentral_binary()
    require_serve(binary)
    return binary


@pytest.fixture
def serve(zentral):
    """`serve(data, *arguments)` starts `zentral serve --data DATA --port 0 ARGUMENTS` and waits
    until it listens; every server started is stopped (SIGTERM, then SIGKILL) after the test."""
    started = []

    def start(data, *arguments):
        server = Server(zentral, data, *arguments)
        started.append(server)
        return server.start()

    yield start
    for server in started:
        server.stop()


def chrome(downloads):
    """Headless Chromium through Debian's chromedriver (no Selenium Manager, no download); files
    the page downloads land in `downloads`."""
    webdriver = pytest.importorskip("selenium.webdriver")
    from selenium.webdriver.chrome.options import Options
    from selenium.webdriver.chrome.service import Service
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    chromedriver = shutil.which("chromedriver") or "/usr/bin/chromedriver"
    if not chromium or not os.path.exists(chromedriver):
        pytest.skip("Debian's chromium and chromium-driver are not installed (scripts/lib/requirements.sh)")
    os.environ.setdefault("SE_AVOID_STATS", "true")
    options = Options()
    options.binary_location = chromium
    for argument in ("--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-extensions",
                     "--disable-background-networking", "--disable-sync", "--hide-scrollbars", "--lang=de-DE"):
        options.add_argument(argument)
    options.add_experimental_option("prefs", {"download.default_directory": str(downloads),
                                              "download.prompt_for_download": False,
                                              "plugins.always_open_pdf_externally": True})
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    browser = webdriver.Chrome(options=options, service=Service(chromedriver))
    browser.execute_cdp_cmd("Page.setDownloadBehavior", {"behavior": "allow", "downloadPath": str(downloads)})
    browser.set_window_size(1280, 1400)
    browser.set_page_load_timeout(120)
    return browser


@pytest.fixture
def downloads(tmp_path):
    folder = tmp_path / "downloads"
    folder.mkdir()
    return folder


@pytest.fixture
def browser(downloads):
    session = chrome(downloads)
    yield session
    session.quit()


@pytest.fixture
def screenshots(tmp_path_factory):
    folder = os.environ.get("ZENTRAL_SCREENSHOTS")
    path = pathlib.Path(folder) if folder else tmp_path_factory.mktemp("serve-screenshots")
    path.mkdir(parents=True, exist_ok=True)
    return path
