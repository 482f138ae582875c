#include "validation/outcomes.h"

namespace gongkai {

CellIds::CellIds(const std::vector<ReadUnit>& units) {
  of.resize(units.size());
  for (size_t i = 0; i < units.size(); ++i)
    for (auto& k : units[i].cells) of[i].push_back(index.emplace(k, static_cast<int>(index.size())).first->second);
}

uint64_t raw_key(const Slot& s) {
  return (static_cast<uint64_t>(static_cast<uint32_t>(s.token_index + 1)) << 32) |
         (static_cast<uint64_t>(s.part_from) << 16) | (static_cast<uint64_t>(s.part_len) << 8) | s.part_last;
}

std::string raw_of(const ReadUnit& u, uint64_t key) {
  Slot s;
  s.token_index = static_cast<int>(key >> 32) - 1;
  s.part_from = static_cast<unsigned short>(key >> 16);
  s.part_len = static_cast<unsigned char>(key >> 8);
  s.part_last = key & 1;
  return slot_raw(u, s);
}

void record_slot(size_t row, const Slot& sl, int id, const SystemResult* r, CellOutcome& co) {
  if (sl.state == Slot::Known) {
    co.values.insert(sl.value);
    co.raws.emplace(row, raw_key(sl));
    co.filled = co.filled || sl.filled;
    co.split = co.split || sl.split;
    if (sl.split) co.token_row = static_cast<int>(row), co.token = sl.token_index;
  } else if (sl.state == Slot::Free) {
    int v = r ? r->var[id] : -1;
    if (v >= 0 && r->value[v]) {
      co.values.insert(*r->value[v]);
      co.filled = true;
    } else {
      co.undetermined = true;
      if (v >= 0)
        for (double x : r->candidates[v]) co.candidates.insert(x);
    }
  }
}

void record_reading(const CellIds& ids, size_t row, const Hypothesis& h, const SystemResult* r,
                    std::vector<CellOutcome>& outcome) {
  for (size_t c = 0; c < ids.of[row].size(); ++c) {
    int id = ids.of[row][c];
    record_slot(row, h[c], id, r, outcome[id]);
  }
}

}  // namespace gongkai
