# Shared by scripts/zentral and scripts/test: makes sure what zentral needs is installed.
# Sourced, not run. Installs through apt-get / pip when run as root; otherwise stops with one
# line naming what is missing.

# Debian packages: GLPK's C library and headers (the solver), glpsol (benchmarks),
# Graphviz (org charts rendered to SVG), Chromium (prints the PDF report; the report tests open
# the HTML report headless), its WebDriver (the accessibility test drives it through Selenium),
# poppler-utils (pdftoppm renders the PDF's pages in the PDF test),
# zlib's headers (ZIPFoundation unpacks and packs .xlsx workbooks with it), SQLite's headers (GRDB
# keeps the run history of `zentral serve` in SQLite).
ZENTRAL_APT_PACKAGES=(libglpk-dev glpk-utils graphviz chromium chromium-driver poppler-utils zlib1g-dev libsqlite3-dev)
# Debian packages only the tests need, installed without recommended packages: LibreOffice Calc
# (Tests/office opens the CSV and XLSX exports and rewrites scenario workbooks headless).
ZENTRAL_APT_TEST_PACKAGES=(libreoffice-calc)
# Python packages used by the tests: HiGHS (second solver), JSON Schema, pytest, YAML, Selenium
# with axe-core (accessibility check of the report), pdfplumber (text sizes in the PDF).
ZENTRAL_PIP_PACKAGES=(highspy jsonschema pytest pyyaml selenium axe-core-python pdfplumber)
# Import names of those packages, in the same order.
ZENTRAL_PIP_MODULES=(highspy jsonschema pytest yaml selenium axe_core_python pdfplumber)

zentral_say() { printf 'zentral: %s\n' "$*" >&2; }

# Installs the Debian packages "$@" that are missing; ZENTRAL_APT_LEAN=1 leaves out recommended ones.
zentral_ensure_apt() {
  local missing=()
  for package in "$@"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'install ok installed' || missing+=("$package")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  if [ "$(id -u)" -ne 0 ]; then
    zentral_say "missing Debian package(s): ${missing[*]}; install them with: sudo apt-get install ${missing[*]}"
    exit 1
  fi
  zentral_say "installing ${missing[*]} (apt-get)"
  apt-get update -qq >/dev/null
  local lean=()
  [ "${ZENTRAL_APT_LEAN:-0}" = 1 ] && lean=(--no-install-recommends)
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${lean[@]}" "${missing[@]}" >/dev/null
}

zentral_ensure_pip() {
  local missing=()
  local i
  for i in "${!ZENTRAL_PIP_PACKAGES[@]}"; do
    python3 -c "import ${ZENTRAL_PIP_MODULES[$i]}" 2>/dev/null || missing+=("${ZENTRAL_PIP_PACKAGES[$i]}")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  if [ "$(id -u)" -ne 0 ]; then
    zentral_say "missing Python package(s): ${missing[*]}; install them with: python3 -m pip install ${missing[*]}"
    exit 1
  fi
  zentral_say "installing ${missing[*]} (pip)"
  python3 -m pip install -q "${missing[@]}"
}

zentral_ensure_toolchain() {
  command -v swift >/dev/null 2>&1 || { zentral_say "the Swift toolchain (swift 6.1 or later) is not on PATH"; exit 1; }
  command -v python3 >/dev/null 2>&1 || { zentral_say "python3 is not on PATH"; exit 1; }
}
