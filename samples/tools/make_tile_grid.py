#!/usr/bin/env python3
"""Makes functions/ParPipeline.Core/Reports/Site/tile-grid.csv: one square per unit, placed by geography.

Input: the approximate latitude and longitude of each pre-2025 provincial capital (below, read off public
maps to about 0.1 degree). A 2025 unit sits at the mean of its predecessors. Each era is laid out on its own
grid by minimising the summed squared distance between each unit's scaled position and its square (a greedy
start, then moves and swaps until no change helps), so neighbours stay neighbours and the S-shape shows.
Run from the repository root: python3 samples/tools/make_tile_grid.py
"""
import csv, itertools, os

CAPITALS = {
 "01": (21.03, 105.85), "02": (22.82, 104.98), "04": (22.67, 106.26), "06": (22.15, 105.83), "08": (21.82, 105.21),
 "10": (22.48, 103.97), "11": (21.39, 103.02), "12": (22.40, 103.46), "14": (21.33, 103.91), "15": (21.72, 104.90),
 "17": (20.81, 105.34), "19": (21.59, 105.85), "20": (21.85, 106.76), "22": (21.00, 107.29), "24": (21.27, 106.19),
 "25": (21.32, 105.40), "26": (21.31, 105.60), "27": (21.18, 106.07), "30": (20.94, 106.33), "31": (20.86, 106.68),
 "33": (20.65, 106.05), "34": (20.45, 106.34), "35": (20.54, 105.91), "36": (20.42, 106.17), "37": (20.25, 105.97),
 "38": (19.81, 105.78), "40": (18.67, 105.68), "42": (18.34, 105.91), "44": (17.47, 106.62), "45": (16.75, 107.19),
 "46": (16.46, 107.60), "48": (16.05, 108.20), "49": (15.57, 108.47), "51": (15.12, 108.80), "52": (13.78, 109.22),
 "54": (13.09, 109.30), "56": (12.24, 109.19), "58": (11.56, 108.99), "60": (10.93, 108.10), "62": (14.35, 108.00),
 "64": (13.98, 108.00), "66": (12.67, 108.04), "67": (12.00, 107.69), "68": (11.94, 108.44), "70": (11.53, 106.89),
 "72": (11.31, 106.10), "74": (10.98, 106.65), "75": (10.95, 106.82), "77": (10.50, 107.17), "79": (10.78, 106.70),
 "80": (10.54, 106.41), "82": (10.36, 106.36), "83": (10.24, 106.38), "84": (9.93, 106.35), "86": (10.25, 105.97),
 "87": (10.46, 105.64), "89": (10.38, 105.43), "91": (10.01, 105.08), "92": (10.03, 105.78), "93": (9.78, 105.47),
 "94": (9.60, 105.97), "95": (9.29, 105.72), "96": (9.18, 105.15),
}

def layout(points, lat_step, lon_step):
    """points: code -> (lat, lon). Returns code -> (col, row), row 0 at the top (north)."""
    lat0, lon0 = max(p[0] for p in points.values()), min(p[1] for p in points.values())
    scaled = {c: ((lon - lon0) / lon_step, (lat0 - lat) / lat_step) for c, (lat, lon) in points.items()}
    cols = int(max(x for x, _ in scaled.values())) + 3
    rows = int(max(y for _, y in scaled.values())) + 3
    cells = [(x, y) for x in range(cols) for y in range(rows)]
    cost = lambda c, cell: (scaled[c][0] - cell[0]) ** 2 + (scaled[c][1] - cell[1]) ** 2
    placed, taken = {}, set()
    # Densest first: a unit with many near neighbours picks before they crowd it out.
    order = sorted(points, key=lambda c: scaled[c][1] * 100 + scaled[c][0])
    for c in order:
        best = min((cell for cell in cells if cell not in taken), key=lambda cell: cost(c, cell))
        placed[c] = best
        taken.add(best)
    improved = True
    while improved:
        improved = False
        for a, b in itertools.combinations(sorted(placed), 2):
            if cost(a, placed[b]) + cost(b, placed[a]) < cost(a, placed[a]) + cost(b, placed[b]) - 1e-9:
                placed[a], placed[b] = placed[b], placed[a]
                improved = True
        for a in sorted(placed):
            for cell in cells:
                if cell not in taken and cost(a, cell) < cost(a, placed[a]) - 1e-9:
                    taken.discard(placed[a]); taken.add(cell); placed[a] = cell; improved = True
    # Drop empty columns and rows (the coast between Nghệ An and Quảng Bình leaves one): a tile map keeps
    # neighbours touching rather than distances true.
    xs = sorted({x for x, _ in placed.values()}); ys = sorted({y for _, y in placed.values()})
    return {c: (xs.index(x), ys.index(y)) for c, (x, y) in placed.items()}

def main():
    with open("functions/ParPipeline.Core/Units/provinces.csv", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    successors = {}
    for r in rows:
        successors.setdefault(r["new_code_2025"], []).append(r["gso_code_pre2025"])
    before = layout(CAPITALS, 0.62, 0.62)
    after_points = {code: (sum(CAPITALS[p][0] for p in preds) / len(preds), sum(CAPITALS[p][1] for p in preds) / len(preds))
                    for code, preds in successors.items()}
    after = layout(after_points, 0.85, 0.85)
    out = "functions/ParPipeline.Core/Reports/Site/tile-grid.csv"
    os.makedirs(os.path.dirname(out), exist_ok=True)
    with open(out, "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["era", "code", "col", "row"])
        for era, grid in (("2024", before), ("2025", after)):
            for code in sorted(grid):
                w.writerow([era, code, grid[code][0], grid[code][1]])
    for era, grid in (("2024", before), ("2025", after)):
        w_, h_ = max(x for x, _ in grid.values()) + 1, max(y for _, y in grid.values()) + 1
        print(f"era {era}: {len(grid)} units on {w_} x {h_}")
        board = [["  "] * w_ for _ in range(h_)]
        for code, (x, y) in grid.items():
            board[y][x] = code
        print("\n".join(" ".join(r) for r in board))

if __name__ == "__main__":
    main()
