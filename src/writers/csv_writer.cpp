#include "writers/csv_writer.h"

#include "writers/json_writer.h"
#include "writers/wide_csv_writer.h"

namespace gongkai {

std::string to_csv(const Report& r, bool header) {
  std::string out;
  if (header) out = std::string(kUtf8Bom) + "file,agency,year,table,row,col,value,row_label,col_label,raw,repaired\n";
  for (const TableLayout* t : {&r.active, &r.requests, &r.review}) {
    if (!t->found || !t->spec) continue;
    for (auto& row : t->spec->rows)
      for (auto& col : row.columns) {
        auto it = r.cells.find({t->spec->id, row.key, col.key});
        std::string value, raw, repaired;
        if (it != r.cells.end()) {
          if (it->second.value) value = value_json(*it->second.value, col.kind).dump();
          raw = it->second.raw;
          repaired = it->second.repaired_from ? "1" : "";
        }
        std::string row_label;
        for (auto& p : row.path) row_label += p + " / ";
        row_label += row.label;
        out += csv_field(r.source.file) + "," + csv_field(r.meta.agency) + "," +
               (r.meta.year ? std::to_string(*r.meta.year) : "") + "," + std::string(table_key(t->spec->id)) + "," +
               row.key + "," + col.key + "," + value + "," + csv_field(row_label) + "," + csv_field(col.label) + "," +
               csv_field(raw) + "," + repaired + "\n";
      }
  }
  return out;
}

}  // namespace gongkai
