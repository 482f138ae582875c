#include "mapping/region.h"

#include <algorithm>
#include <string_view>

#include "text/unicode.h"

namespace gongkai {
namespace {

struct Division {
  const char *code, *province, *prefecture, *county;
};

const Division kDivisions[] = {
#include "mapping/divisions.inc"
};

enum class Level { Province, Prefecture, County };

struct Match {
  const Division* d;
  Level level;
  size_t begin, end;  // bytes of the name
};

std::string_view name_of(const Division& d, Level l) {
  return l == Level::County ? d.county : l == Level::Prefecture ? d.prefecture : d.province;
}

Level level_of(const Division& d) {
  return *d.county ? Level::County : *d.prefecture ? Level::Prefecture : Level::Province;
}

// Every division name the text holds, without those inside a longer one
// (城区 inside 东城区).
std::vector<Match> matches(const std::string& text) {
  std::vector<Match> out;
  for (const Division& d : kDivisions) {
    Level l = level_of(d);
    std::string_view name = name_of(d, l);
    if (name.size() < 6) continue;  // two characters at least
    for (size_t at = text.find(name); at != std::string::npos; at = text.find(name, at + 1))
      out.push_back({&d, l, at, at + name.size()});
  }
  std::vector<Match> kept;
  for (auto& m : out) {
    bool inside = std::any_of(out.begin(), out.end(), [&](const Match& o) {
      return o.end - o.begin > m.end - m.begin && o.begin <= m.begin && m.end <= o.end;
    });
    if (!inside) kept.push_back(m);
  }
  return kept;
}

// The matches of `level` that agree with the wider places the name holds.
std::vector<Match> narrowed(const std::vector<Match>& all, Level level) {
  std::vector<Match> out;
  for (auto& m : all) {
    if (m.level != level) continue;
    bool fits = std::all_of(all.begin(), all.end(), [&](const Match& o) {
      if (o.level == Level::Province && level != Level::Province) return std::string_view(o.d->province) == m.d->province;
      if (o.level == Level::Prefecture && level == Level::County) return std::string_view(o.d->prefecture) == m.d->prefecture;
      return true;
    });
    if (fits) out.push_back(m);
  }
  std::sort(out.begin(), out.end(), [](const Match& a, const Match& b) { return std::string_view(a.d->code) < b.d->code; });
  out.erase(std::unique(out.begin(), out.end(), [](const Match& a, const Match& b) { return a.d == b.d; }), out.end());
  return out;
}

std::string organ_key(const std::string& agency, size_t after) {
  std::string organ = to_utf8(han_only(std::string_view(agency).substr(after)));
  const std::string gov = "政府", people = "人民政府";
  if (organ.rfind(gov, 0) == 0) organ = "人民" + organ;  // 区政府 = 区人民政府
  return organ;
}

}  // namespace

Region region_of(const std::string& agency) {
  Region out;
  std::string name = to_simplified(nfkc(agency));
  std::vector<Match> all = matches(name);
  for (Level level : {Level::County, Level::Prefecture, Level::Province}) {
    std::vector<Match> found = narrowed(all, level);
    if (found.empty()) continue;
    size_t last = 0;
    for (auto& m : all) last = std::max(last, m.end);
    if (found.size() > 1) {
      for (auto& m : found) out.candidates.push_back(m.d->code);
      out.agency_normalised = to_utf8(han_only(name));
      return out;
    }
    const Division& d = *found.front().d;
    out.code = d.code, out.province = d.province, out.prefecture = d.prefecture, out.county = d.county;
    out.agency_normalised = out.code + ":" + organ_key(name, last);
    return out;
  }
  out.agency_normalised = to_utf8(han_only(name));
  return out;
}

void place_agency(Meta& meta) {
  if (meta.agency.empty()) return;
  Region r = region_of(meta.agency);
  meta.division_code = r.code, meta.province = r.province, meta.prefecture = r.prefecture, meta.county = r.county;
  meta.division_candidates = r.candidates;
  meta.agency_normalised = r.agency_normalised;
}

}  // namespace gongkai
