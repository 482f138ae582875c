"""gongkai.tables and to_frame: the values people checked (samples/*.expected.json)
under the template's labels."""
import pandas as pd
import pytest

import gongkai
from conftest import SAMPLES, expected

# Reports whose every expected cell the pipeline reads right (gongkai score:
# 203/203, 200/200, 189/189): the DataFrames must hold each checked value.
CHECKED = ["huaian-city-2024.pdf", "004_549de823e32c1890.txt", "huaian-hongze-district-2023.pdf"]


def cell(frame, row, col):
    """The value at row key `row`, column key `col` (None for <NA>)."""
    v = frame.xs(row, level="key").xs(col, axis=1, level="key").iloc[0, 0]
    return None if pd.isna(v) else v


@pytest.mark.parametrize("name", CHECKED)
def test_every_checked_value_is_in_the_frames(name, records):
    want = expected(name.rsplit(".", 1)[0])
    frames = gongkai.tables(records[name])
    compared = 0
    for table, rows in want["tables"].items():
        frame = getattr(frames, table)
        assert frame.attrs["found"]
        for row, cols in rows.items():
            for col, value in cols.items():
                assert cell(frame, row, col) == value, (table, row, col)
                compared += 1
    assert compared >= 180


def test_labels_and_values_of_the_2021_format(records):
    t = gongkai.tables(records["huaian-city-2024.pdf"])
    # Values as printed in the report (samples/huaian-city-2024.expected.json).
    total = t.requests.loc[("三、本年度办理结果", "（七）总计", "total"), ("总计", "total")]
    assert total == 3050
    secret = t.requests.loc[("三、本年度办理结果 / （三）不予公开", "1.属于国家秘密", "denied_state_secret")]
    assert secret[("自然人", "natural_person")] == 2
    assert t.requests.loc[("", "一、本年新收政府信息公开申请数量", "new_received"),
                          ("法人或其他组织·商业企业", "commercial")] == 53
    assert t.active.loc[("第二十条第（八）项", "行政事业性收费", "fees"), ("本年收费金额", "amount")] == 96171.6
    assert t.active.loc[("第二十条第（五）项", "行政许可", "licensing"), ("本年处理决定数量", "decisions")] == 447228
    assert pd.isna(t.active.loc[("第二十条第（一）项", "规章", "regulations"), ("本年处理决定数量", "decisions")])
    # The template's shape: 25 rows of table 三 with （六） in three, seven applicant columns.
    assert t.requests.shape == (25, 7)
    assert list(t.requests.index.get_level_values("key"))[-3:] == ["other_other", "total", "carried_forward"]
    assert list(t.review_litigation.columns.get_level_values("label")) == ["结果维持", "结果纠正", "其他结果",
                                                                           "尚未审结", "总计"]
    assert t.review_litigation.index.get_level_values("label")[1] == "行政诉讼·未经复议直接起诉"
    assert str(t.requests.dtypes.iloc[0]) == "Int64" and str(t.active[("本年收费金额", "amount")].dtype) == "Float64"
    assert t.requests.attrs["year"] == 2024 and t.requests.attrs["variant"] == "2021"


def test_labels_of_the_2019_format(records):
    t = gongkai.tables(records["004_549de823e32c1890.txt"])
    assert t.active.attrs["variant"] == "2019" and t.requests.attrs["variant"] == "2019"
    keys = list(t.active.index.get_level_values("key"))
    assert keys == ["regulations", "normative_documents", "licensing", "other_services", "penalty", "enforcement",
                    "fees", "procurement"]
    assert ("本年增/减", "change") in t.active.columns and ("采购总金额", "amount") in t.active.columns
    assert ("（六）其他处理", "other") in [(l, k) for _, l, k in t.requests.index]
    assert "other_overdue_correction" not in t.requests.index.get_level_values("key")
    assert t.requests.shape == (23, 7)


def test_a_record_without_tables_gives_empty_labelled_frames():
    record = gongkai.extract("一、总体情况\n本机关今年没有收到申请。\n".encode(), name="prose.txt")
    t = gongkai.tables(record)
    assert not t.requests.attrs["found"]
    assert t.requests.shape == (25, 7) and t.requests.isna().all().all()


def test_to_frame_one_row_per_report(records):
    names = ["huaian-city-2024.pdf", "004_549de823e32c1890.txt"]
    frame = gongkai.to_frame([records[n] for n in names] + [gongkai.ReadError("gone.pdf", "file not found")])
    assert list(frame["file"]) == names + ["gone.pdf"]
    assert list(frame["error"].iloc[:2].isna()) == [True, True] and frame["error"].iloc[2] == "file not found"
    assert list(frame["year"].iloc[:2]) == [2024, 2020]
    for i, n in enumerate(names):
        want = expected(n.rsplit(".", 1)[0])["tables"]
        assert frame["requests.total.total"].iloc[i] == want["requests"]["total"]["total"]
        assert frame["review_litigation.review.total"].iloc[i] == want["review_litigation"]["review"]["total"]
    assert str(frame["requests.total.total"].dtype) == "Int64"
    # A 2019 record has no 2021-only columns: <NA> there, never 0.
    assert pd.isna(frame["requests.other_other.total"].iloc[1])
    assert frame["findings_source"].iloc[0] >= 0


def test_to_frame_from_a_generator_and_the_example(tmp_path):
    import subprocess
    import sys
    from pathlib import Path

    frame = gongkai.to_frame(gongkai.extract_many(sorted(SAMPLES.glob("huaian-*.pdf")), jobs=2))
    assert len(frame) == 3 and set(frame["year"]) == {2023, 2024}
    example = Path(__file__).resolve().parents[2] / "examples" / "per_year_totals.py"
    out = subprocess.run([sys.executable, str(example), str(SAMPLES)], capture_output=True, text=True, check=True)
    assert "2024" in out.stdout and "2019" in out.stdout
