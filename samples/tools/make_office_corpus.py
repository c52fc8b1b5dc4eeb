#!/usr/bin/env python3
"""Makes the office corpus: ministry tables written by LibreOffice Calc itself.

Each case is a flat OpenDocument spreadsheet (.fods) written here with the Python standard library; LibreOffice
headless (Debian package libreoffice-calc-nogui) opens it and saves it as xlsx, xls, ods, csv in UTF-8 and csv
in Windows-1258, exactly as a person saving from Calc would. The files land in
tests/ParPipeline.Tests/Ingest/Office/corpus/ with expected.json: for every file, the outcome the pipeline
must reach (every score, or every problem at its cell, and the warnings), stated here from the case, not
recorded from the pipeline. OfficeCorpusTests reads them.

    python3 samples/tools/make_office_corpus.py

Without LibreOffice the script says so and leaves the committed files as they are; the Excel-style OOXML half
of the corpus (ExcelStyleCellsTests, built in C#) needs no office software.
"""
import csv
import json
import os
import shutil
import subprocess
import sys
import tempfile
import unicodedata
from xml.sax.saxutils import escape

ROOT = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.normpath(os.path.join(ROOT, "..", ".."))
OUT = os.path.join(REPO, "tests", "ParPipeline.Tests", "Ingest", "Office", "corpus")
PROVINCES = os.path.join(REPO, "functions", "ParPipeline.Core", "Units", "provinces.csv")

# LibreOffice's CSV filter: separator 44 (,), text delimiter 34 ("), then the character set by its
# rtl_TextEncoding number: 76 is UTF-8, 40 is Windows-1258 (RTL_TEXTENCODING_MS_1258).
CSV_UTF8 = "csv:Text - txt - csv (StarCalc):44,34,76"
CSV_1258 = "csv:Text - txt - csv (StarCalc):44,34,40"

FORMATS = {
    "xlsx": ("xlsx", "xlsx"),
    "xls": ("xls", "xls"),
    "ods": ("ods", "ods"),
    "utf8.csv": (CSV_UTF8, "csv"),
    "cp1258.csv": (CSV_1258, "csv"),
}


def provinces():
    with open(PROVINCES, encoding="utf-8") as f:
        rows = [r for r in csv.DictReader(f)]
    rows.sort(key=lambda r: r["gso_code_pre2025"])
    # Scores as the tests' ProvinceTable gives them: 90.00, 89.90, ... in code order.
    return [(r["gso_code_pre2025"], r["name_vi"], r["region_6"], round(90 - i * 0.1, 2)) for i, r in enumerate(rows)]


P = provinces()


def text(value, style=None, span=None, rows=None):
    attrs = ""
    if style:
        attrs += f' table:style-name="{style}"'
    if span:
        attrs += f' table:number-columns-spanned="{span}"'
    if rows:
        attrs += f' table:number-rows-spanned="{rows}"'
    return f'<table:table-cell{attrs} office:value-type="string"><text:p>{escape(value)}</text:p></table:table-cell>'


def number(value, style=None, formula=None):
    attrs = f' table:style-name="{style}"' if style else ""
    if formula:
        attrs += f' table:formula="of:={escape(formula)}"'
    kind = "percentage" if style == "pct" else "float"
    return f'<table:table-cell{attrs} office:value-type="{kind}" office:value="{value}"/>'


def date(iso):
    return f'<table:table-cell table:style-name="dt" office:value-type="date" office:date-value="{iso}"/>'


def empty():
    return "<table:table-cell/>"


def covered(n=1):
    return "<table:covered-table-cell/>" * n


def row(cells, hidden=False):
    visibility = ' table:visibility="collapse"' if hidden else ""
    return f"<table:table-row{visibility}>{''.join(cells)}</table:table-row>"


def sheet(name, rows, hidden=False):
    style = ' table:style-name="hiddensheet"' if hidden else ' table:style-name="shownsheet"'
    return f'<table:table table:name="{escape(name)}"{style}>{"".join(rows)}</table:table>'


def document(tables, database_ranges=""):
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:number="urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0" xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" xmlns:of="urn:oasis:names:tc:opendocument:xmlns:of:1.2" office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.spreadsheet">
<office:automatic-styles>
 <number:percentage-style style:name="N10"><number:number number:decimal-places="2" number:min-decimal-places="2" number:min-integer-digits="1"/><number:text>%</number:text></number:percentage-style>
 <number:date-style style:name="N36"><number:day number:style="long"/><number:text>/</number:text><number:month number:style="long"/><number:text>/</number:text><number:year number:style="long"/></number:date-style>
 <style:style style:name="pct" style:family="table-cell" style:data-style-name="N10"/>
 <style:style style:name="dt" style:family="table-cell" style:data-style-name="N36"/>
 <style:style style:name="shownsheet" style:family="table"><style:table-properties table:display="true"/></style:style>
 <style:style style:name="hiddensheet" style:family="table"><style:table-properties table:display="false"/></style:style>
</office:automatic-styles>
<office:body><office:spreadsheet>{"".join(tables)}{database_ranges}</office:spreadsheet></office:body></office:document>
"""


TITLE = "CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM 2023"
ALL = {code: score for code, _, _, score in P}


def standard_rows(score_cell=lambda i, code, name, score: number(score), name_cell=lambda name: text(name), hidden=()):
    """Title (row 1, merged over A:D), header (row 2), the 63 provinces from row 3: STT, name, score, rank."""
    rows = [row([text(TITLE, span=4), covered(3)]), row([text("STT"), text("Tỉnh, thành phố"), text("Chỉ số CCHC"), text("Xếp hạng")])]
    for i, (code, name, _, score) in enumerate(P):
        rows.append(row([number(i + 1), name_cell(name), score_cell(i, code, name, score), number(i + 1)], hidden=(i + 3) in hidden))
    return rows


def vi_text_score(i, score):
    s = f"{score:.2f}".replace(".", ",")
    return [s, f"{s} điểm", f"{s}\u00a0", f" {s}"][i % 4]


CASES = []


# OpenDocument is only ever refused (ExcelDataReader reads none), so three cases are saved as ods, not all.
ODS_CASES = ("plain", "percent", "region-sheets")


def case(name, index, year, doc, expect, formats=tuple(FORMATS), note=""):
    if name not in ODS_CASES:
        formats = tuple(f for f in formats if f != "ods")
    CASES.append((name, index, year, doc, expect, formats, note))


def scores(warnings=(), by_format=None):
    return {"scores": "provinces2023", "warnings": list(warnings), "warningsByFormat": by_format or {}}


def problems(items, by_format=None):
    return {"problems": [{"code": c, "cell": cell} for c, cell in items], "problemsByFormat":
            {fmt: [{"code": c, "cell": cell} for c, cell in v] for fmt, v in (by_format or {}).items()}}


case("plain", "PAR", 2023, document([sheet("PAR 2023", standard_rows())]), scores(),
     note="a title merged over the table, numbers as numbers")

case("text-scores", "PAR", 2023,
     document([sheet("PAR 2023", standard_rows(score_cell=lambda i, c, n, s: text(vi_text_score(i, s))))]),
     # Every fourth score has a no-break space after it, every fourth one a space before: one warning.
     scores(warnings=["CELL_REPAIRED"]),
     note="scores typed as Vietnamese text: 88,68 / 88,68 điểm / no-break space / leading space")

case("percent", "SIPAS", 2023,
     document([sheet("SIPAS 2023", [row([text("CHỈ SỐ SIPAS NĂM 2023", span=3), covered(2)]),
                                    row([text("Tỉnh, thành phố"), text("Chỉ số SIPAS"), text("Xếp hạng")])] +
                     [row([text(n), number(round(s / 100, 6), style="pct"), number(i + 1)]) for i, (_, n, _, s) in enumerate(P)])]),
     scores(), note="SIPAS as fractions with a percent format (0.9 shown as 90.00%); the csv holds 90.00%")


def three_row_header():
    rows = [
        row([text("Tỉnh, thành phố", rows=3), text("Chỉ số CCHC năm 2023", span=2, rows=2), covered(), text("Chỉ số thành phần", span=4), covered(3)]),
        row([covered(3), text("Điểm thẩm định", span=2), covered(), text("Điểm điều tra xã hội học", span=2), covered()]),
        row([covered(), text("Điểm"), text("Xếp hạng"), text("Điểm"), text("Xếp hạng"), text("Điểm"), text("Xếp hạng")]),
    ]
    for i, (_, n, _, s) in enumerate(P):
        appraisal = round(s - 30, 2)
        rows.append(row([text(n), number(s), number(i + 1), number(appraisal), number(i + 1), number(30), number(1)]))
    return document([sheet("PAR 2023", rows)])


case("three-row-header", "PAR", 2023, three_row_header(), scores(),
     formats=("xlsx", "xls", "ods"),
     note="unit header merged down three rows, a group header over the components, 'Điểm' / 'Xếp hạng' under each")

case("hidden-rows-filter", "PAR", 2023,
     document([sheet("PAR 2023", standard_rows(hidden=(5, 9)))],
              '<table:database-ranges><table:database-range table:name="__Anonymous_Sheet_DB__0" '
              "table:target-range-address=\"'PAR 2023'.A2:'PAR 2023'.D65\" table:display-filter-buttons=\"true\"/></table:database-ranges>"),
     # A csv has no hidden rows: the rows are simply there.
     scores(warnings=["HIDDEN_ROWS"], by_format={"utf8.csv": [], "cp1258.csv": []}),
     note="rows 5 and 9 hidden, an autofilter on the header")

case("formulas", "PAR", 2023,
     document([sheet("PAR 2023", [row([text(TITLE, span=4), covered(3)]),
                                  row([text("Tỉnh, thành phố"), text("Điểm thẩm định"), text("Điểm điều tra xã hội học"), text("Chỉ số CCHC")])] +
                     [row([text(n), number(round(s - 30, 2)), number(30), number(s, formula=f"[.B{i + 3}]+[.C{i + 3}]")]) for i, (_, n, _, s) in enumerate(P)])]),
     scores(), note="the total a formula over the components, saved with its result")

case("error-cell", "PAR", 2023,
     document([sheet("PAR 2023", standard_rows(score_cell=lambda i, c, n, s: number(0, formula="1/0") if i == 4 else number(s)))]),
     # ExcelDataReader shows an xls error cell as empty; the pipeline reads the sheet's BIFF records for it.
     problems([("EXCEL_ERROR", "C7")]),
     note="=1/0 in C7: #DIV/0!")

def errors_cell(i, code, name, score):
    # LibreOffice computes each formula as it saves, and writes the error as the cached result.
    return {2: number(0, formula="NA()"), 10: number(0, formula="1/0"), 20: number(0, formula="SQRT(-1)")}.get(i) or number(score)


case("errors-second-sheet", "PAR", 2023,
     document([sheet("Ghi chú", [row([text("Bảng điểm ở trang sau")])]), sheet("PAR 2023", standard_rows(score_cell=errors_cell))]),
     # The table is on the workbook's second sheet: the probe must find that sheet's records, not the first's.
     problems([("EXCEL_ERROR", "C5"), ("EXCEL_ERROR", "C13"), ("EXCEL_ERROR", "C23")]),
     formats=("xlsx", "xls"), note="=NA() in C5, =1/0 in C13, =SQRT(-1) in C23, on the second sheet")

case("date-score", "PAR", 2023,
     document([sheet("PAR 2023", standard_rows(score_cell=lambda i, c, n, s: date("2023-12-08") if i == 3 else number(s)))]),
     # In a csv the date is text ("08/12/2023"): not a number.
     problems([("DATE_NOT_SCORE", "C6")], by_format={"utf8.csv": [("NOT_A_NUMBER", "C6")], "cp1258.csv": [("NOT_A_NUMBER", "C6")]}),
     note="C6 holds 8 December 2023 in a date format, as '8.12' typed into a date column becomes")

case("decomposed-names", "PAR", 2023,
     document([sheet("PAR 2023", standard_rows(name_cell=lambda n: text(unicodedata.normalize("NFD", n) + " ")))]),
     # Two repairs (trailing space, composition); in a csv one, since ExcelDataReader's csv reader drops the spaces
     # around an unquoted field itself.
     scores(warnings=["CELL_REPAIRED", "CELL_REPAIRED"], by_format={"utf8.csv": ["CELL_REPAIRED"]}),
     # Windows-1258 has no combining circumflex, breve or horn: LibreOffice writes '?' for them in an NFD name
     # (the other cases' Windows-1258 files spell tones as combining marks, which is how that code page works).
     formats=("xlsx", "xls", "utf8.csv"),
     note="every name in decomposed Unicode (NFD) with a trailing space")


def region_sheets():
    tables = []
    regions = []
    for code, name, region, score in P:
        if region not in regions:
            regions.append(region)
    for region in regions:
        rows = [row([text("Tỉnh, thành phố"), text("Chỉ số CCHC")])] + [row([text(n), number(s)]) for _, n, r, s in P if r == region]
        tables.append(sheet(region, rows))
    return document(tables)


case("region-sheets", "PAR", 2023, region_sheets(), scores(warnings=["SHEETS_COMBINED"]),
     formats=("xlsx", "xls", "ods"), note="a sheet per region (six), none whole")


def mistakes():
    def name_cell(name):
        return text("Ha Giangg") if name == "Hà Giang" else text(name)

    def score_cell(i, code, name, score):
        return empty() if name == "Cao Bằng" else text("88,6,8") if name == "Bắc Kạn" else number(score)
    return document([sheet("PAR 2023", standard_rows(score_cell=score_cell, name_cell=name_cell))])


case("mistakes", "PAR", 2023, mistakes(),
     problems([("UNKNOWN_UNIT", "B4"), ("MISSING_SCORE", "C5"), ("NOT_A_NUMBER", "C6")]),
     note="a misspelt name (B4), an empty score (C5), '88,6,8' (C6)")

case("hidden-sheet", "PAR", 2023,
     document([sheet("Ghi chú", [row([text("Số liệu ở trang sau")])]), sheet("PAR 2023", standard_rows(), hidden=True)]),
     scores(warnings=["HIDDEN_SHEET"]), formats=("xlsx", "xls", "ods"), note="the table on a hidden sheet after a visible note")


def main():
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        print("make_office_corpus: LibreOffice is not installed (Debian: apt-get install libreoffice-calc-nogui);"
              " the committed corpus is left as it is. The Excel-style OOXML cases (ExcelStyleCellsTests) need no office software.")
        return 0
    version = subprocess.run([soffice, "--version"], capture_output=True, text=True).stdout.strip()
    os.makedirs(OUT, exist_ok=True)
    for old in os.listdir(OUT):
        os.remove(os.path.join(OUT, old))
    manifest = {"generator": "samples/tools/make_office_corpus.py", "libreoffice": version,
                "scoreTables": {"provinces2023": ALL}, "files": []}
    with tempfile.TemporaryDirectory() as work:
        profile = "file://" + os.path.join(work, "profile")
        for name, index, year, doc, expect, formats, note in CASES:
            with open(os.path.join(work, f"{name}.fods"), "w", encoding="utf-8") as f:
                f.write(doc)
        # One LibreOffice run per format, over every case saved in it.
        for fmt, (target_filter, ext) in FORMATS.items():
            sources = [os.path.join(work, f"{c[0]}.fods") for c in CASES if fmt in c[5]]
            outdir = os.path.join(work, fmt.replace(".", "-"))
            subprocess.run([soffice, f"-env:UserInstallation={profile}", "--headless", "--convert-to", target_filter, "--outdir", outdir, *sources],
                           check=True, capture_output=True)
        for name, index, year, doc, expect, formats, note in CASES:
            for fmt in formats:
                ext = FORMATS[fmt][1]
                final = f"{name}.{fmt}"
                shutil.move(os.path.join(work, fmt.replace(".", "-"), f"{name}.{ext}"), os.path.join(OUT, final))
                entry = {"file": final, "drop": f"{index}/{year}/{final}", "case": name, "format": fmt, "note": note}
                if fmt == "ods":
                    # ExcelDataReader reads no OpenDocument: the sender is told to save as xlsx.
                    entry["problems"] = [{"code": "OPENDOCUMENT", "cell": None}]
                elif "scores" in expect:
                    entry["scores"] = expect["scores"]
                    entry["warnings"] = expect["warningsByFormat"].get(fmt, expect["warnings"])
                    if fmt == "cp1258.csv":
                        # Windows-1258 spells most tones as a letter and a combining mark ("ộ" as "ô" + U+0323):
                        # composed to NFC, one more repair line.
                        entry["warnings"] = entry["warnings"] + ["CELL_REPAIRED"]
                else:
                    entry["problems"] = expect["problemsByFormat"].get(fmt, expect["problems"])
                manifest["files"].append(entry)
    with open(os.path.join(OUT, "expected.json"), "w", encoding="utf-8") as f:
        json.dump(manifest, f, ensure_ascii=False, indent=1, sort_keys=True)
        f.write("\n")
    size = sum(os.path.getsize(os.path.join(OUT, n)) for n in os.listdir(OUT))
    print(f"make_office_corpus: {len(manifest['files'])} files by {version}, {size / 1024:.0f} KiB, in {os.path.relpath(OUT, REPO)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
