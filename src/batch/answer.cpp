#include "batch/answer.h"

namespace gongkai {

const nlohmann::ordered_json& WorkerAnswer::parsed() const {
  if (!parsed_) parsed_ = record.empty() ? nlohmann::ordered_json() : nlohmann::ordered_json::parse(record);
  return *parsed_;
}

std::string frame_answer(const WorkerAnswer& a) {
  nlohmann::ordered_json header = {{"ok", a.ok}};
  if (!a.ok) header["error"] = a.error;
  if (a.ok) {
    header["findings"] = a.findings_by_kind;
    header["agency"] = a.agency;
    header["sizes"] = {a.record.size(), a.printed.size(), a.csv.size()};
  }
  std::string out = header.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  out += '\n';
  out.reserve(out.size() + a.record.size() + a.printed.size() + a.csv.size());
  return out.append(a.record).append(a.printed).append(a.csv);
}

bool take_answer(std::string& buffer, WorkerAnswer& answer) {
  size_t nl = buffer.find('\n');
  if (nl == std::string::npos) return false;
  auto header = nlohmann::json::parse(buffer.begin(), buffer.begin() + static_cast<long>(nl), nullptr, false);
  answer = WorkerAnswer{};
  if (!header.is_object()) {
    buffer.erase(0, nl + 1);
    answer.error = "the worker's answer could not be read";
    return true;
  }
  size_t sizes[3] = {0, 0, 0};
  const auto& s = header.value("sizes", nlohmann::json::array());
  for (size_t k = 0; k < 3 && k < s.size(); ++k)
    if (s[k].is_number_unsigned()) sizes[k] = s[k].get<size_t>();
  if (buffer.size() - nl - 1 < sizes[0] + sizes[1] + sizes[2]) return false;
  answer.ok = header.value("ok", false);
  answer.error = header.value("error", answer.ok ? "" : "unknown error");
  answer.agency = header.value("agency", "");
  answer.findings_by_kind = header.value("findings", std::map<std::string, int>{});
  size_t at = nl + 1;
  std::string* parts[3] = {&answer.record, &answer.printed, &answer.csv};
  for (size_t k = 0; k < 3; ++k) {
    parts[k]->assign(buffer, at, sizes[k]);
    at += sizes[k];
  }
  buffer.erase(0, at);
  return true;
}

}  // namespace gongkai
