#!/usr/bin/env python3
"""Makes samples/PCI/2023/pci-2023.csv and samples/PAPI/2023/papi-2023.csv: synthetic values for every one of the
63 provinces, so the demo takes the two indices defined only as JSON through the pipeline. No value is published:
scores are made from each province's code with a fixed formula (see samples/README.md). Run from the repository
root: python3 samples/tools/make_index_samples.py
"""
import csv

def provinces():
    with open("functions/ParPipeline.Core/Units/provinces.csv", encoding="utf-8") as f:
        return [(r["gso_code_pre2025"], r["name_vi"]) for r in csv.DictReader(f)]

def pci(path):
    names = ["Gia nhập thị trường", "Tiếp cận đất đai", "Tính minh bạch", "Chi phí thời gian", "Chi phí không chính thức",
             "Cạnh tranh bình đẳng", "Tính năng động của chính quyền tỉnh", "Dịch vụ hỗ trợ doanh nghiệp", "Đào tạo lao động", "Thiết chế pháp lý"]
    with open(path, "w", encoding="utf-8-sig", newline="") as f:
        w = csv.writer(f, lineterminator="\r\n")
        w.writerow(["CHỈ SỐ NĂNG LỰC CẠNH TRANH CẤP TỈNH (PCI) NĂM 2023 (SỐ LIỆU MẪU, KHÔNG PHẢI KẾT QUẢ CÔNG BỐ)"])
        w.writerow(["Tỉnh, thành phố", "Chỉ số PCI"] + names)
        for code, name in provinces():
            c = int(code)
            subs = [round(5 + ((c * (i + 3) * 7) % 45) / 10, 2) for i in range(10)]
            total = round(55 + (c * 13 % 170) / 10, 2)
            w.writerow([name, f"{total:.2f}"] + [f"{s:.2f}" for s in subs])

def papi(path):
    names = ["Tham gia của người dân ở cấp cơ sở", "Công khai, minh bạch trong việc ra quyết định ở địa phương",
             "Trách nhiệm giải trình với người dân", "Kiểm soát tham nhũng trong khu vực công", "Thủ tục hành chính công",
             "Cung ứng dịch vụ công", "Quản trị môi trường", "Quản trị điện tử"]
    with open(path, "w", encoding="utf-8-sig", newline="") as f:
        w = csv.writer(f, delimiter=";", lineterminator="\r\n")
        w.writerow(["Chỉ số PAPI năm 2023 (số liệu mẫu, không phải kết quả công bố)"])
        w.writerow(["Tỉnh/thành phố"] + names + ["Tổng điểm"])
        for code, name in provinces():
            c = int(code)
            dims = [round(3.5 + ((c * (i + 5) * 11) % 40) / 10, 2) for i in range(8)]
            total = round(sum(dims), 2)
            w.writerow([name] + [f"{d:.2f}".replace(".", ",") for d in dims] + [f"{total:.2f}".replace(".", ",")])

if __name__ == "__main__":
    pci("samples/PCI/2023/pci-2023.csv")
    papi("samples/PAPI/2023/papi-2023.csv")
