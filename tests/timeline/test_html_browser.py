"""The interactive page in a real headless browser (Selenium + Debian's chromium and chromedriver).

``.ci/run`` installs chromium; without it (or selenium) these tests are skipped, with the reason.
"""

from __future__ import annotations

import shutil
import time

import pytest
from timeline_helpers import make_article

from claimline import build_timeline

webdriver = pytest.importorskip("selenium.webdriver")
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
CHROMEDRIVER = shutil.which("chromedriver")
pytestmark = pytest.mark.skipif(not (CHROMIUM and CHROMEDRIVER), reason="chromium / chromedriver not installed")
FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-first-run", "--window-size=1400,900")


@pytest.fixture
def browser(tmp_path):
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    for flag in (*FLAGS, f"--user-data-dir={tmp_path / 'profile'}"):
        options.add_argument(flag)
    options.binary_location = CHROMIUM
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(options=options, service=Service(CHROMEDRIVER))
    yield driver
    driver.quit()


def _wait(driver, script: str, timeout: float = 60.0):
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        value = driver.execute_script(script)
        if value:
            return value
        time.sleep(0.2)
    raise AssertionError(f"timed out waiting for: {script}")


def _points(driver) -> int:
    return driver.execute_script("return document.querySelectorAll('#timeline .scatterlayer .point').length")


def _choose(driver, select_id: str, value: str) -> None:
    driver.execute_script(
        "var s = document.getElementById(arguments[0]); s.value = arguments[1];"
        "s.dispatchEvent(new Event('change'));", select_id, value)


@pytest.fixture
def page(tmp_path):
    people = {"Trump": ("Donald Trump", "PER"), "Poutine": ("Vladimir Poutine", "PER")}
    a = make_article(
        "a", "Le 15 août 2025, Trump a rencontré Poutine. Le 2 septembre 2025, Trump pourrait appeler Poutine.",
        published="2025-09-03", entities=people,
        events=[{"trigger": "a rencontré", "lemma": "rencontrer", "timex": "Le 15 août 2025", "value": "2025-08-15",
                 "actors": ["Trump", "Poutine"]},
                {"trigger": "pourrait appeler", "lemma": "appeler", "timex": "Le 2 septembre 2025",
                 "value": "2025-09-02", "actors": ["Trump"], "modality": "conditional"}])
    b = make_article(
        "b", "En 2022, la Russie a envahi l'Ukraine. Selon Kiev, 500 drones ont frappé le pays.",
        published="2025-09-21", entities={"Russie": ("Russie", "LOC"), "Kiev": ("Kiev", "LOC")},
        events=[{"trigger": "a envahi", "lemma": "envahir", "timex": "En 2022", "value": "2022", "actors": ["Russie"]}],
        claims=[{"text": "500 drones ont frappé le pays", "quantity": "500 drones", "number": 500, "source": "Kiev"}])
    timeline = build_timeline([a, b])
    path = tmp_path / "timeline.html"
    path.write_text(timeline.to_html(title="Essai"), encoding="utf-8")
    return path, timeline


def test_the_page_loads_offline_shows_every_item_and_filters(browser, page, tmp_path):
    path, timeline = page
    assert "https://" not in path.read_text(encoding="utf-8").split("<body>")[1]  # nothing fetched at view time
    browser.get(path.as_uri())
    _wait(browser, "return document.body.getAttribute('data-ready')")
    assert _points(browser) == len(timeline.events) + len(timeline.claims) == 4
    assert "3 événement(s), 1 chiffre(s)" in browser.find_element("id", "count").text
    errors = [e for e in browser.get_log("browser") if e["level"] in ("SEVERE", "ERROR")]
    assert errors == [], errors
    shot = tmp_path / "page.png"
    browser.save_screenshot(str(shot))
    _assert_not_blank(shot)

    putin = timeline.entity("Vladimir Poutine").id
    _choose(browser, "entity", putin)
    _wait(browser, "return document.body.getAttribute('data-items') === '1'")
    assert _points(browser) == 1
    _choose(browser, "entity", "")
    _choose(browser, "modality", "conditional")
    _wait(browser, "return document.body.getAttribute('data-items') === '1'")
    _choose(browser, "modality", "")
    _wait(browser, "return document.body.getAttribute('data-items') === '4'")
    assert [e for e in browser.get_log("browser") if e["level"] in ("SEVERE", "ERROR")] == []


def test_hover_shows_the_sentence_and_its_source(browser, page):
    path, _ = page
    browser.get(path.as_uri())
    _wait(browser, "return document.body.getAttribute('data-ready')")
    texts = browser.execute_script(
        "var gd = document.getElementById('timeline'); return gd.data.map(function (t) { return t.hovertext || []; });")
    hovers = [h for trace in texts for h in trace]
    assert any("Trump a rencontré Poutine" in h and "— a" in h for h in hovers)
    assert any("500 drones" in h and "daté par la publication" in h for h in hovers)


def _assert_not_blank(path) -> None:
    """The screenshot has a real picture: many distinct colours, not one flat background."""
    from matplotlib.image import imread

    pixels = imread(str(path))
    flat = pixels.reshape(-1, pixels.shape[-1])[:, :3]
    assert flat.std() > 0.05
    import numpy as np

    colours = np.unique((flat * 255).astype(int), axis=0)
    assert len(colours) > 20
