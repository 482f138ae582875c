// Where an agency is: the administrative division its name determines, and
// the key that joins one agency across years and formats.
//
// The division is the most specific place the name holds (淮安市洪泽区人民政府
// → 洪泽区 320813; 上海市人民政府办公厅 → 上海市 310000), read against every
// province-, prefecture- and county-level name (divisions.inc). A county name
// several places share (鼓楼区: 南京, 福州, 徐州, 开封) is narrowed by the
// prefecture or province the name also holds; if it stays ambiguous the
// division is left empty and the candidates listed — never guessed.
//
// The join key is the division code and the organ (the name after its last
// place, in Han characters, 政府 read as 人民政府), so 淮安市洪泽区人民政府 and
// 洪泽区政府 give one key. An agency with no place keeps its Han characters.
#pragma once
#include <string>
#include <vector>

#include "model/record.h"

namespace gongkai {

struct Region {
  std::string code, province, prefecture, county;
  std::vector<std::string> candidates;  // codes, when the name fits several
  std::string agency_normalised;
};

Region region_of(const std::string& agency);
// Sets meta's division fields and agency_normalised from meta.agency.
void place_agency(Meta& meta);

}  // namespace gongkai
