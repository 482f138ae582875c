#include "mapping/agency_check.h"

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

int differences(const std::u32string& a, const std::u32string& b) {
  int d = 0;
  for (size_t i = 0; i < a.size(); ++i) d += a[i] != b[i];
  return d;
}

}  // namespace

AgencyCheck check_ocr_agency(const std::string& agency) {
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
      i = end + 1;
      continue;
    }
    r.doubtful = true;
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
  out += s.substr(i);
  // A speck read as a character after the organ's name (…人民政府本).
  if (out.size() > 3 && !organ_end(out.back()) && organ_end(out[out.size() - 2])) {
    r.note += (r.note.empty() ? "" : "; ") + std::string("\"") + to_utf8(out.substr(out.size() - 1)) +
              "\" after the organ's name dropped";
    out.pop_back();
    r.changed = true;
  }
  r.agency = to_utf8(out);
  return r;
}

}  // namespace gongkai
