// Checks between two reports of one agency: what one year's report says must
// follow from the other's.
//
//   cross_year.carry_over    三 二、上年结转 (year N) = 四、结转下年度继续办理 (year N−1),
//                            column by column (a warning on both reports)
//   cross_year.in_force      二 现行有效件数 (N) = 现行有效件数 (N−1) + 本年制发 (N)
//                            − 本年废止 (N), for 规章 and 行政规范性文件 in the 2021
//                            format (info: agencies apply it loosely)
//   cross_year.format_switch the 2021 template before 2021 or after a 2021-format
//                            year, or the 2019 template from 2021 on
//
// Years that are not adjacent are not compared for carry-over or counts (the
// years between may have changed them); the format check holds for any two.
#pragma once
#include <vector>

#include "model/record.h"

namespace gongkai {

// The same agency: the same normalised name (meta.agency_normalised, or the
// agency as read when that is empty) and no two different division codes.
bool same_agency(const Report& a, const Report& b);

struct CrossYearFindings {
  std::vector<Finding> earlier, later;  // one list per report
};

// The findings between two reports of one agency (`earlier`'s year below
// `later`'s); none when they are not the same agency or either has no year.
CrossYearFindings cross_year_findings(const Report& earlier, const Report& later);

// Every pair of the same agency among `reports`, each finding appended to
// the report it is about.
void add_cross_year_findings(std::vector<Report*>& reports);

}  // namespace gongkai
