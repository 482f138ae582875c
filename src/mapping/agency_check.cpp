#include "mapping/agency_check.h"

#include <algorithm>
#include <map>
#include <set>
#include <vector>

#include "text/unicode.h"

namespace gongkai {
namespace {

const char* const kPlaces[] = {
#include "mapping/place_names.inc"
};
const char* const kPairs[] = {
#include "mapping/place_pairs.inc"
};

struct Gazetteer {
  std::set<std::u32string> names;
  // Known names by (length, last character): where a misread one is looked for.
  std::map<std::pair<size_t, char32_t>, std::vector<std::u32string>> by_shape;
  Gazetteer() {
    auto add = [&](const char* n) {
      std::u32string s = to_u32(n);
      if (s.size() < 2 || !names.insert(s).second) return;
      by_shape[{s.size(), s.back()}].push_back(s);
    };
    for (const char* n : kPlaces) add(n);
    for (const char* n : kPairs) add(n);
  }
};

const Gazetteer& gazetteer() {
  static const Gazetteer g;
  return g;
}

bool place_end(char32_t c) { return std::u32string_view(U"省市县区旗州盟").find(c) != std::u32string_view::npos; }

// The last character of an organ's name (…人民政府, …局, …委员会, …办事处).
bool organ_end(char32_t c) {
  return std::u32string_view(U"府室厅局会委处心院部所站队馆社署司团校办组庭").find(c) != std::u32string_view::npos;
}

// The organs most reports come from (the departments of a people's
// government after the 2018 reform, and the offices around them): an organ
// part a character from exactly one of these is that one misread.
const char* const kOrgans[] = {
    "人民政府", "人民政府办公室", "人民政府办公厅", "街道办事处", "管理委员会", "管委会",
    "发展和改革局", "发展和改革委员会", "教育局", "教育体育局", "科学技术局", "工业和信息化局", "公安局", "民政局",
    "司法局", "财政局", "人力资源和社会保障局", "自然资源局", "自然资源和规划局", "生态环境局",
    "住房和城乡建设局", "交通运输局", "水利局", "水务局", "农业农村局", "商务局", "文化广电旅游局",
    "文化和旅游局", "卫生健康委员会", "卫生健康局", "退役军人事务局", "应急管理局", "审计局",
    "市场监督管理局", "统计局", "医疗保障局", "城市管理局", "综合行政执法局", "行政审批局",
    "政务服务数据管理局", "政务服务管理局", "林业局", "体育局", "信访局", "机关事务管理局", "地方金融监督管理局",
    "税务局", "民族宗教事务局", "粮食和物资储备局", "人民政府国有资产监督管理委员会", "国有资产监督管理委员会"};

int differences(const std::u32string& a, const std::u32string& b) {
  int d = 0;
  for (size_t i = 0; i < a.size(); ++i) d += a[i] != b[i];
  return d;
}

// The organ a name ends with (…人民政府, …局), as read, checked: one
// character from exactly one of the common organs, and not one of them
// itself, is that organ (类民政府 is 人民政府). What was changed is noted in `r`.
std::u32string checked_organ(std::u32string organ, AgencyCheck& r) {
  // A speck read as a character after the organ's name (…人民政府本), dropped
  // before the organ is checked: 大民政府和 is 人民政府 misread, with a speck
  // (a scanned title, eval_scan seed 96).
  if (organ.size() > 3 && !organ_end(organ.back()) && organ_end(organ[organ.size() - 2])) {
    r.note += (r.note.empty() ? "" : "; ") + std::string("\"") + to_utf8(organ.substr(organ.size() - 1)) +
              "\" after the organ's name dropped";
    organ.pop_back();
    r.changed = true;
  }
  bool common = false;
  std::vector<std::u32string> near;
  for (const char* o : kOrgans) {
    std::u32string c = to_u32(o);
    for (size_t at = 0; at + c.size() <= organ.size() && !common; ++at) {
      if (organ.compare(at, c.size(), c) == 0) common = true;
    }
    if (!common && organ.size() >= c.size() && differences(organ.substr(organ.size() - c.size()), c) == 1)
      near.push_back(c);
  }
  // The longest near organ says most: 类民政府 is a character from 人民政府
  // and, by its tail, from 民政局.
  size_t longest = 0;
  for (auto& c : near) longest = std::max(longest, c.size());
  std::erase_if(near, [&](auto& c) { return c.size() < longest; });
  if (!common && near.size() == 1 && near[0].size() >= 3) {
    std::u32string fixed = organ.substr(0, organ.size() - near[0].size()) + near[0];
    r.note += (r.note.empty() ? "" : "; ") + to_utf8(organ) + " is " + to_utf8(fixed) + " a character away";
    organ = fixed;
    r.changed = true;
  }
  return organ;
}

// Whether a people's government, named past its known places by `rest`,
// names its place: 人民政府 follows them at once, or a township's (…镇, …乡,
// …街道: not in the gazetteer). 淮芝人民政府, 淮安市 misread in a scanned
// title (eval_scan seed 99), names none. Other organs are not judged here.
bool names_its_place(const std::u32string& rest) {
  static const std::u32string gov = U"人民政府";
  const size_t at = rest.find(gov);
  if (at == std::u32string::npos || at == 0) return true;
  const std::u32string before = rest.substr(0, at);
  if (before.back() == U'镇' || before.back() == U'乡') return true;
  return before.size() >= 2 && before.compare(before.size() - 2, 2, U"街道") == 0;
}

}  // namespace

AgencyCheck check_agency(const std::string& agency) {
  AgencyCheck r;
  r.agency = agency;
  const Gazetteer& g = gazetteer();
  std::u32string s = to_u32(agency), out;
  size_t i = 0;
  // The places the name opens with: each known, the longest first (a
  // prefecture and its county may be known together: 宁波市鄞州区).
  while (i < s.size()) {
    size_t known = 0;
    for (size_t len = std::min<size_t>(12, s.size() - i); len >= 2 && !known; --len)
      if (g.names.count(s.substr(i, len))) known = len;
    if (known) {
      out += s.substr(i, known);
      i += known;
      continue;
    }
    // Something shaped like a place: two to four characters ending as one.
    size_t end = std::u32string::npos;
    for (size_t k = i + 2; k < s.size() && k <= i + 3; ++k)
      if (place_end(s[k])) {
        end = k;
        break;
      }
    if (end == std::u32string::npos) break;  // the organ's part of the name
    std::u32string seg = s.substr(i, end - i + 1);
    // With the place before it (its prefecture), the pair is a known name:
    // the nearest pair decides more often than the county alone.
    std::vector<std::u32string> near;
    auto it = g.by_shape.find({out.size() + seg.size(), seg.back()});
    if (!out.empty() && it != g.by_shape.end())
      for (auto& n : it->second)
        if (n.compare(0, out.size(), out) == 0 && differences(n.substr(out.size()), seg) == 1) near.push_back(n.substr(out.size()));
    if (near.empty() && (it = g.by_shape.find({seg.size(), seg.back()})) != g.by_shape.end())
      for (auto& n : it->second)
        if (differences(n, seg) == 1) near.push_back(n);
    std::set<std::u32string> unique(near.begin(), near.end());
    std::string why;
    // A prefecture misread before a county it holds (范湖市鸠江区): the one
    // candidate that makes a known pair with what follows.
    if (unique.size() > 1) {
      std::set<std::u32string> paired;
      for (auto& c : unique)
        for (size_t len = 2; len <= 8 && end + 1 + len <= s.size(); ++len)
          if (place_end(s[end + len]) && g.names.count(out + c + s.substr(end + 1, len))) paired.insert(c);
      if (paired.size() == 1) {
        unique = paired;
        why = " that holds what follows it";
      }
    }
    if (unique.size() == 1) {
      const std::u32string& fix = *unique.begin();
      r.note += (r.note.empty() ? "" : "; ") + to_utf8(seg) + " is no known place, " + to_utf8(fix) +
                " is the only one a character away" + why;
      out += fix;
      r.changed = true;
      r.place_unknown = true;
      i = end + 1;
      continue;
    }
    r.doubtful = true;
    r.place_unknown = true;
    r.note = to_utf8(seg) + " is no known place";
    if (!unique.empty()) {
      r.note += "; a character away: ";
      size_t n = 0;
      for (auto& u : unique) {
        if (n++ == 6) {
          r.note += "…";
          break;
        }
        r.note += (n > 1 ? "、" : "") + to_utf8(u);
      }
    }
    r.agency.clear();
    return r;
  }
  const size_t places = out.size();
  out += checked_organ(s.substr(i), r);
  if (!names_its_place(out.substr(places))) {
    r.doubtful = true;
    r.place_unknown = true;
    r.note += (r.note.empty() ? "" : "; ") + to_utf8(out) + ": the words before 人民政府 name no known place";
    r.agency.clear();
    return r;
  }
  // An agency's name ends with its organ (…局, …政府, …办事处): one that
  // does not is not one read right.
  if (!out.empty() && !organ_end(out.back())) {
    r.doubtful = true;
    r.note += (r.note.empty() ? "" : "; ") + to_utf8(out) + " does not end as an organ's name";
    r.agency.clear();
    return r;
  }
  r.agency = to_utf8(out);
  return r;
}

}  // namespace gongkai
