#!/usr/bin/env python3
"""Writes the bundled sample ministry spreadsheets (samples/{INDEX}/{YEAR}/...).

Published values come from shared/reference/par_sipas_results_partial.csv (each row there names its source);
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
    ("PAR", 2022): {"22": (1, 90.10), "31": (2, None), "01": (3, None), "24": (4, None), "48": (5, 87.54),
                    "40": (16, None), "37": (17, None), "46": (19, 86.56), "36": (34, 84.86)},
    ("SIPAS", 2023): {"22": (1, 90.61), "19": (2, 90.29), "30": (3, 90.23), "64": (19, 83.84), "01": (21, 83.57),
                      "48": (22, None), "46": (32, None), "06": (63, 75.03)},
}
# Scores of the last rank when nothing is published there (synthetic bounds for interpolation).
FLOOR = {("PAR", 2022): 78.50}

# Spellings ministry files use, to exercise the resolver.
SPELLING = {"01": "TP. Hà Nội", "79": "TP. Hồ Chí Minh", "31": "Thành phố Hải Phòng", "48": "TP Đà Nẵng",
            "92": "Tp Cần Thơ", "46": "Thừa Thiên Huế", "77": "Bà Rịa - Vũng Tàu"}


def provinces():
    with open(REF, encoding="utf-8") as f:
        return [(r["gso_code_pre2025"], r["name_vi"]) for r in csv.DictReader(f)]


def table(index, year):
    units = provinces()
    published = PUBLISHED[(index, year)]
    rng = random.Random(f"{index}-{year}")
    others = [c for c, _ in units if c not in published]
    rng.shuffle(others)
    free = [r for r in range(1, 64) if r not in {rank for rank, _ in published.values()}]
    rank_of = {c: r for c, (r, _) in published.items()}
    rank_of.update(zip(others, free))
    anchors = {r: s for r, s in published.values() if s is not None}
    anchors.setdefault(63, FLOOR.get((index, year), 75.0))
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


def par_workbook(year):
    rows = [["BỘ NỘI VỤ"],
            [f"KẾT QUẢ CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM {year} CỦA CÁC TỈNH, THÀNH PHỐ TRỰC THUỘC TRUNG ƯƠNG"],
            ["(Kèm theo Quyết định công bố Chỉ số CCHC của Bộ Nội vụ; số liệu mẫu, xem samples/README.md)"],
            [],
            ["STT", "Tỉnh, thành phố", "Chỉ số CCHC", "Xếp hạng"]]
    for i, (rank, name, score, _) in enumerate(table("PAR", year), start=1):
        rows.append([i, name, score, rank])
    write_xlsx(os.path.join(ROOT, "PAR", str(year), f"par-index-{year}-provinces.xlsx"), f"PAR INDEX {year}", rows, ["A1:D1", "A2:D2", "A3:D3"])


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
    par_workbook(2022)
    par_workbook(2023)
    sipas_csv(2023)
    for (index, year) in PUBLISHED:
        published = sum(1 for *_, p in table(index, year) if p)
        print(f"{index} {year}: 63 units, {published} published, {63 - published} synthetic")
