"""`zentral export --format pdf` of München's report, looked at as a printed paper: every page is
rendered to PNG with pdftoppm (Debian's poppler-utils; kept in ZENTRAL_SCREENSHOTS when set), the
smallest text on any page, org chart pages included, is at least 7 pt (from the PDF's character
sizes, pdfplumber), every page is A4 and carries its number, the date and the scenario's name, and
the org charts are printed on pages of their own. The PDF is written atomically, a missing Chromium
is named with its Debian package, and a print that hangs is stopped."""

import json
import os
import pathlib
import re
import shutil
import subprocess

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "Tests" / "ZentralExportTests" / "Fixtures"
A4 = (595.3, 841.9)


def zentral_binary():
    path = pathlib.Path(os.environ.get("ZENTRAL_BIN", ROOT / ".build" / "debug" / "zentral"))
    if not path.exists():
        pytest.skip(f"zentral binary not built: {path}")
    return path


@pytest.fixture(scope="module")
def muenchen_pdf(tmp_path_factory):
    if not (shutil.which("chromium") or shutil.which("chromium-browser")):
        pytest.skip("Debian's chromium is not installed (scripts/lib/requirements.sh installs it)")
    out = tmp_path_factory.mktemp("pdf") / "muenchen.pdf"
    subprocess.run([str(zentral_binary()), "export", str(FIXTURES / "muenchen.plan.json"), "--format", "pdf",
                    "--out", str(out)], check=True, timeout=300)
    return out


def test_every_page_renders_and_no_text_is_under_7pt(muenchen_pdf, tmp_path):
    pdfplumber = pytest.importorskip("pdfplumber")
    if not shutil.which("pdftoppm"):
        pytest.skip("pdftoppm (Debian's poppler-utils) is not installed")
    assert muenchen_pdf.read_bytes().startswith(b"%PDF")
    folder = pathlib.Path(os.environ.get("ZENTRAL_SCREENSHOTS") or tmp_path)
    folder.mkdir(parents=True, exist_ok=True)
    subprocess.run(["pdftoppm", "-r", "60", "-png", str(muenchen_pdf), str(folder / "muenchen-page")], check=True,
                   timeout=300)
    pictures = sorted(folder.glob("muenchen-page-*.png"))
    plan = json.loads((FIXTURES / "muenchen.plan.json").read_text(encoding="utf-8"))
    with pdfplumber.open(str(muenchen_pdf)) as pdf:
        pages = pdf.pages
        assert len(pictures) == len(pages) >= 10
        for picture in pictures:
            data = picture.read_bytes()
            assert data.startswith(b"\x89PNG") and len(data) > 5000, f"{picture.name} is empty"
        chart_pages = 0
        smallest = []
        for number, page in enumerate(pages, start=1):
            size = sorted((page.width, page.height))
            assert abs(size[0] - A4[0]) < 2 and abs(size[1] - A4[1]) < 2, f"page {number} is not A4: {size}"
            text = page.extract_text() or ""
            assert f"Seite {number} von {len(pages)}" in text, f"page {number} has no page number"
            assert re.search(r"Stand: \d{1,2}\. \w+ \d{4}", text), f"page {number} has no date"
            assert plan["scenario"] in text.replace("\n", " "), f"page {number} has no scenario name"
            sizes = [char["size"] for char in page.chars if char["text"].strip()]
            assert sizes, f"page {number} has no text"
            smallest.append((min(sizes), number))
            if re.search(r"(Organisation heute|Empfohlene Organisation) – Teil \d+ von \d+", text):
                chart_pages += 1
        assert chart_pages >= 2, "the org charts are not printed on pages of their own"
        assert min(smallest)[0] >= 7.0, f"text under 7 pt (size, page): {sorted(smallest)[:3]}"
        # The report's own charts are on some page, with their captions.
        everything = " ".join(page.extract_text() or "" for page in pages)
        for caption in ("Kumulierte Einsparung (abgezinst) und Amortisation", "Kosten je Jahr: Status quo und Plan",
                        "IT-Personal je Einheit vorher und nachher", "Verlagerungen nach Aufgabenbereich und Anbieter"):
            assert caption in everything, caption


def test_no_heading_ends_a_page(muenchen_pdf):
    """A section heading is never the last line of text above the footer of a page."""
    pdfplumber = pytest.importorskip("pdfplumber")
    headings = re.compile(r"^(\d+\. [A-ZÄÖÜ].*|Anlage \d+: .*)$")
    with pdfplumber.open(str(muenchen_pdf)) as pdf:
        for number, page in enumerate(pdf.pages, start=1):
            lines = [line for line in (page.extract_text() or "").split("\n") if line.strip()]
            body = [line for line in lines if not line.startswith("Stand:") and "Seite" not in line]
            if body:
                assert not headings.match(body[-1]), f"page {number} ends with the heading {body[-1]!r}"


def test_missing_chromium_is_named_and_the_old_file_stays(tmp_path):
    out = tmp_path / "report.pdf"
    out.write_bytes(b"old")
    environment = dict(os.environ, ZENTRAL_CHROMIUM=str(tmp_path / "no-chromium"))
    result = subprocess.run([str(zentral_binary()), "export", str(FIXTURES / "iserlohn.plan.json"), "--format",
                             "pdf", "--out", str(out)], capture_output=True, text=True, env=environment, timeout=60)
    assert result.returncode == 1
    assert "apt-get install chromium" in result.stderr and result.stderr.startswith("zentral: ")
    assert out.read_bytes() == b"old"
    assert [path.name for path in tmp_path.iterdir()] == ["report.pdf"]


def test_a_hanging_print_is_stopped(tmp_path):
    slow = tmp_path / "slow-chromium"
    slow.write_text("#!/bin/sh\nsleep 60\n")
    slow.chmod(0o755)
    environment = dict(os.environ, ZENTRAL_CHROMIUM=str(slow), ZENTRAL_PDF_TIMEOUT="1")
    result = subprocess.run([str(zentral_binary()), "export", str(FIXTURES / "iserlohn.plan.json"), "--format",
                             "pdf", "--out", str(tmp_path / "x.pdf")], capture_output=True, text=True,
                            env=environment, timeout=30)
    assert result.returncode == 1
    assert "did not finish the PDF within 1 seconds" in result.stderr
    assert not (tmp_path / "x.pdf").exists()
