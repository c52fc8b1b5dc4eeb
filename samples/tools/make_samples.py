#!/usr/bin/env python3
"""Writes the bundled sample ministry spreadsheets (samples/{INDEX}/{YEAR}/...).

Published values come from docs/sources/par_sipas_results_partial.csv (each row there names its source);
no source gives a complete 63-province table, so every other unit's score is SYNTHETIC: placed at a free
rank and interpolated between the published neighbours, so that every published rank still holds.
Run: python3 samples/tools/make_samples.py  (standard library only; deterministic).
"""
import csv, io, os, random, zipfile
from xml.sax.saxutils import escape

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
REF = os.path.join(ROOT, "..", "functions", "ParPipeline.Core", "Units", "provinces.csv")

# (index, year) -> {code: (rank, score or None)}: published facts only.
PUBLISHED = {
    ("PAR", 2023): {"22": (1, 92.18), "31": (2, 91.87), "01": (3, 91.43), "24": (4, 91.16), "77": (5, 91.03),
                    "37": (11, 88.72), "48": (12, 88.68), "46": (17, 88.38), "36": (29, 87.32), "79": (33, 86.97),
                    "92": (42, 86.15), "89": (63, 81.32)},
    # 2021: Hải Phòng 1st, Đà Nẵng 3rd, Tuyên Quang 86.57 34th, Bà Rịa - Vũng Tàu 87.61 (rank not published).
    ("PAR", 2021): {"31": (1, None), "48": (3, None), "08": (34, 86.57)},
    ("PAR", 2022): {"22": (1, 90.10), "31": (2, None), "01": (3, None), "24": (4, None), "48": (5, 87.54),
                    "40": (16, None), "37": (17, None), "46": (19, 86.56), "36": (34, 84.86)},
    ("SIPAS", 2023): {"22": (1, 90.61), "19": (2, 90.29), "30": (3, 90.23), "64": (19, 83.84), "01": (21, 83.57),
                      "48": (22, None), "46": (32, None), "06": (63, 75.03)},
    # 2022: ranks only (the bottom five are published as "59-63" without order; the order here is synthetic).
    ("SIPAS", 2022): {"22": (1, 87.59), "19": (2, None), "96": (3, None), "74": (4, None), "38": (5, None),
                      "40": (14, None), "64": (16, None), "48": (34, None), "46": (40, None),
                      "60": (59, None), "06": (60, None), "04": (61, None), "20": (62, None), "49": (63, None)},
}
# Scores of the last rank when nothing is published there (synthetic bounds for interpolation).
FLOOR = {("PAR", 2022): 78.50, ("SIPAS", 2022): 70.00, ("PAR", 2021): 78.00}
CEILING = {("PAR", 2021): 90.20}

# Spellings ministry files use, to exercise the resolver.
SPELLING = {"01": "TP. Hà Nội", "79": "TP. Hồ Chí Minh", "31": "Thành phố Hải Phòng", "48": "TP Đà Nẵng",
            "92": "Tp Cần Thơ", "46": "Thừa Thiên Huế", "77": "Bà Rịa - Vũng Tàu"}


def provinces():
    with open(REF, encoding="utf-8") as f:
        return [(r["gso_code_pre2025"], r["name_vi"]) for r in csv.DictReader(f)]


# Published facts beyond single ranks: Đà Nẵng was "first among 14 provinces and cities in the north-central and
# central coastal region" in PAR 2023 (docs/sources: cadn.com.vn), so no synthetic unit of that region may
# be placed above its 12th place.
REGION_FIRST = {("PAR", 2023): ("48", 12)}


def regions():
    with open(REF, encoding="utf-8") as f:
        return {r["gso_code_pre2025"]: r["region_6"] for r in csv.DictReader(f)}


def table(index, year):
    units = provinces()
    published = PUBLISHED[(index, year)]
    rng = random.Random(f"{index}-{year}")
    others = [c for c, _ in units if c not in published]
    rng.shuffle(others)
    free = [r for r in range(1, 64) if r not in {rank for rank, _ in published.values()}]
    rank_of = {c: r for c, (r, _) in published.items()}
    region_of = regions()
    leader = REGION_FIRST.get((index, year))
    for rank in free:
        allowed = next(c for c in others if leader is None or rank > leader[1] or region_of[c] != region_of[leader[0]])
        others.remove(allowed)
        rank_of[allowed] = rank
    anchors = {r: s for r, s in published.values() if s is not None}
    anchors.setdefault(63, FLOOR.get((index, year), 75.0))
    if (index, year) in CEILING:
        anchors.setdefault(1, CEILING[(index, year)])
    known = sorted(anchors)

    def score(rank):
        if rank in anchors:
            return anchors[rank]
        lo = max(k for k in known if k < rank)
        hi = min(k for k in known if k > rank)
        return round(anchors[lo] + (anchors[hi] - anchors[lo]) * (rank - lo) / (hi - lo), 2)

    rows = [(rank_of[c], SPELLING.get(c, name), score(rank_of[c]), c in published) for c, name in units]
    rows.sort()
    return rows


def col(n):
    s = ""
    while n:
        n, r = divmod(n - 1, 26)
        s = chr(65 + r) + s
    return s


def write_xlsx(path, sheet_name, rows, merges):
    cells = []
    for i, row in enumerate(rows, start=1):
        out = []
        for j, v in enumerate(row, start=1):
            ref = f"{col(j)}{i}"
            if v is None:
                continue
            if isinstance(v, (int, float)):
                out.append(f'<c r="{ref}"><v>{v}</v></c>')
            else:
                out.append(f'<c r="{ref}" t="inlineStr"><is><t>{escape(str(v))}</t></is></c>')
        cells.append(f'<row r="{i}">{"".join(out)}</row>')
    merge_xml = f'<mergeCells count="{len(merges)}">' + "".join(f'<mergeCell ref="{m}"/>' for m in merges) + "</mergeCells>" if merges else ""
    sheet = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
             '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
             f'<sheetData>{"".join(cells)}</sheetData>{merge_xml}</worksheet>')
    files = {
        "[Content_Types].xml": '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>',
        "_rels/.rels": '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
        "xl/workbook.xml": f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="{escape(sheet_name)}" sheetId="1" r:id="rId1"/></sheets></workbook>',
        "xl/_rels/workbook.xml.rels": '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>',
        "xl/styles.xml": '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts><fills count="1"><fill><patternFill patternType="none"/></fill></fills><borders count="1"><border/></borders><cellStyleXfs count="1"><xf/></cellStyleXfs><cellXfs count="1"><xf xfId="0"/></cellXfs></styleSheet>',
        "xl/worksheets/sheet1.xml": sheet,
    }
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, content in files.items():
            # Fixed timestamps keep the bytes (and so the SHA-256 file version) stable across runs.
            info = zipfile.ZipInfo(name, date_time=(2024, 4, 16, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, content)


def par_workbook_2022():
    # One header row, as the simplest ministry tables are.
    year = 2022
    rows = [["BỘ NỘI VỤ"],
            [f"KẾT QUẢ CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM {year} CỦA CÁC TỈNH, THÀNH PHỐ TRỰC THUỘC TRUNG ƯƠNG"],
            ["(Kèm theo Quyết định công bố Chỉ số CCHC của Bộ Nội vụ; số liệu mẫu, xem samples/README.md)"],
            [],
            ["STT", "Tỉnh, thành phố", "Chỉ số CCHC", "Xếp hạng"]]
    for i, (rank, name, score, _) in enumerate(table("PAR", year), start=1):
        rows.append([i, name, score, rank])
    write_xlsx(os.path.join(ROOT, "PAR", str(year), f"par-index-{year}-provinces.xlsx"), f"PAR INDEX {year}", rows, ["A1:D1", "A2:D2", "A3:D3"])


def par_xls_2021():
    """PAR INDEX 2021 as an old Excel 97-2003 .xls, the way older annexes circulate. Written as xlsx, then
    converted by LibreOffice (soffice) when it is installed; the committed .xls is the result."""
    import shutil, subprocess, tempfile
    year = 2021
    rows = [["BỘ NỘI VỤ"], [f"CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM {year}"], [],
            ["STT", "Tỉnh, thành phố", "Chỉ số CCHC", "Xếp hạng"]]
    published = PUBLISHED[("PAR", year)]
    for i, (rank, name, score, _) in enumerate(table("PAR", year), start=1):
        rows.append([i, name, score, rank])
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    target = os.path.join(ROOT, "PAR", str(year))
    if soffice is None:
        print("soffice not found: PAR 2021 .xls left as committed")
        return
    with tempfile.TemporaryDirectory() as tmp:
        source = os.path.join(tmp, f"par-index-{year}-provinces.xlsx")
        write_xlsx(source, f"PAR {year}", rows, ["A1:D1", "A2:D2"])
        os.makedirs(target, exist_ok=True)
        subprocess.run([soffice, "--headless", "--convert-to", "xls:MS Excel 97", "--outdir", target, source],
                       check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def split(total, rng, survey_share, survey_max=None):
    """A SYNTHETIC appraisal / survey split that adds up to the total exactly (two decimals)."""
    survey = round(total * survey_share + rng.uniform(-1.5, 1.5), 2)
    if survey_max is not None:
        survey = min(survey, survey_max - 0.01)
    return round(total - survey, 2), survey


def par_workbook_2023():
    # Two header rows with merged cells: the index over its "Điểm" and "Xếp hạng" columns, the two parts
    # merged down; an average row and a note under the table.
    year = 2023
    rng = random.Random("split-PAR-2023")
    rows = [["BỘ NỘI VỤ"],
            [f"KẾT QUẢ CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM {year} CỦA CÁC TỈNH, THÀNH PHỐ TRỰC THUỘC TRUNG ƯƠNG"],
            ["(Kèm theo Quyết định công bố Chỉ số CCHC của Bộ Nội vụ; số liệu mẫu, xem samples/README.md)"],
            [],
            ["STT", "Tỉnh, thành phố", f"Chỉ số CCHC năm {year}", None, "Điểm thẩm định", "Điểm điều tra XHH"],
            [None, None, "Điểm", "Xếp hạng", None, None]]
    data = table("PAR", year)
    for i, (rank, name, score, _) in enumerate(data, start=1):
        appraisal, survey = split(score, rng, 0.37)
        rows.append([i, name, score, rank, appraisal, survey])
    rows.append([None, "Trung bình", round(sum(r[2] for r in data) / len(data), 2), None, None, None])
    rows.append([])
    rows.append(["Ghi chú: Điểm thẩm định và điểm điều tra xã hội học là số liệu mẫu (synthetic)."])
    write_xlsx(os.path.join(ROOT, "PAR", str(year), f"par-index-{year}-provinces.xlsx"), f"PAR INDEX {year}", rows,
               ["A1:F1", "A2:F2", "A3:F3", "A5:A6", "B5:B6", "C5:D5", "E5:E6", "F5:F6"])


MINISTRIES_2023 = [  # (code, English name as the source lists it, published score or None); order as published
    ("MOJ", "Ministry of Justice", 89.95), ("SBV", "State Bank of Vietnam", None), ("MOF", "Ministry of Finance", None),
    ("MOHA", "Ministry of Home Affairs", None), ("MONRE", "MONRE", None), ("MARD", "MARD", None),
    ("MOC", "Ministry of Construction", None), ("MOT", "Ministry of Transport", None), ("MIC", "MIC", None),
    ("MOLISA", "MOLISA", None), ("MOCST", "MOCST", None), ("MOET", "MOET", None), ("MOST", "MOST", None),
    ("MPI", "MPI", None), ("MOH", "Ministry of Health", None), ("MOFA", "Ministry of Foreign Affairs", None),
    ("MOIT", "MOIT", 78.03)]


def ministries_workbook():
    # English headers, as an English-language annex would have them. Scores between the two published ends
    # (89.95 and 78.03) are SYNTHETIC, decreasing in the published order, Health and Foreign Affairs below 80.
    year = 2023
    rng = random.Random("split-PAR-MINISTRIES-2023")
    synthetic = [89.95, 88.71, 88.02, 87.60, 86.93, 86.41, 85.87, 85.30, 84.78, 84.12, 83.55, 82.96, 82.31, 81.20, 79.64, 79.12, 78.03]
    rows = [["MINISTRY OF HOME AFFAIRS"],
            [f"PAR INDEX {year} of ministries and ministerial-level agencies (sample data, see samples/README.md)"],
            [],
            ["No.", "Ministry/agency", "Appraisal score", "Survey score", "PAR INDEX", "Rank"]]
    for i, ((code, name, _), score) in enumerate(zip(MINISTRIES_2023, synthetic), start=1):
        appraisal, survey = split(score, rng, 0.30, survey_max=31.5)
        rows.append([i, name if name.startswith("Ministry") or name.startswith("State") else code, appraisal, survey, score, i])
    write_xlsx(os.path.join(ROOT, "PAR-MINISTRIES", str(year), f"par-index-{year}-ministries.xlsx"), "Ministries", rows, ["A1:F1", "A2:F2"])


def sipas_csv_2022():
    # English headers, comma-separated, dot decimals.
    out = io.StringIO()
    out.write("Rank,Province,SIPAS 2022 (%)\n")
    names = {c: n for c, n in provinces()}
    english = {}
    with open(REF, encoding="utf-8") as f:
        for r in csv.DictReader(f):
            english[r["gso_code_pre2025"]] = r["name_en"]
    by_name = {n: c for c, n in names.items()}
    for rank, name, score, _ in table("SIPAS", 2022):
        code = by_name.get(name) or next(c for c, n in SPELLING.items() if n == name)
        out.write(f"{rank},{english[code]},{score:.2f}\n")
    path = os.path.join(ROOT, "SIPAS", "2022", "sipas-2022-en.csv")
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="") as f:
        f.write(out.getvalue())


def sipas_csv(year):
    out = io.StringIO()
    out.write("Tỉnh/thành phố;Chỉ số SIPAS (%);Xếp hạng\r\n")
    for rank, name, score, _ in table("SIPAS", year):
        # Ministry CSV exports use comma decimals and semicolons between fields.
        out.write(f"{name};{f'{score:.2f}'.replace('.', ',')};{rank}\r\n")
    path = os.path.join(ROOT, "SIPAS", str(year), f"sipas-{year}.csv")
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8-sig", newline="") as f:
        f.write(out.getvalue())


if __name__ == "__main__":
    par_xls_2021()
    par_workbook_2022()
    par_workbook_2023()
    sipas_csv_2022()
    sipas_csv(2023)
    ministries_workbook()
    for (index, year) in PUBLISHED:
        published = sum(1 for *_, p in table(index, year) if p)
        print(f"{index} {year}: 63 units, {published} published, {63 - published} synthetic")
