#include "pipeline/extract.h"

#include <openssl/evp.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "mapping/mapper.h"
#include "mapping/meta.h"
#include "readers/reader.h"
#include "validation/identities.h"
#include "validation/ocr_correction.h"
#include "validation/repair.h"
#include "validation/validate.h"

namespace gongkai {
namespace {

std::string sha256_hex(std::string_view bytes) {
  unsigned char md[EVP_MAX_MD_SIZE];
  unsigned int len = 0;
  EVP_Digest(bytes.data(), bytes.size(), md, &len, EVP_sha256(), nullptr);
  static const char* hex = "0123456789abcdef";
  std::string out;
  for (unsigned i = 0; i < len; ++i) {
    out.push_back(hex[md[i] >> 4]);
    out.push_back(hex[md[i] & 15]);
  }
  return out;
}

// Files larger than this are not reports; reading them would only cost memory.
constexpr std::uintmax_t kMaxInputBytes = 512ull << 20;

}  // namespace

Report build_report(const SourceDoc& doc) {
  Report r;
  r.source.kind = doc.kind;
  r.source.pages = doc.pages;
  r.source.encoding = doc.encoding;
  r.meta = read_meta(doc.head_text, doc.title, doc.title_by_ocr);
  Mapping m = map_tables(doc, r.meta.year);
  r.meta.template_format = m.format;
  r.active = m.active;
  r.requests = m.requests;
  r.review = m.review;
  r.findings = m.findings;
  if (r.meta.agency_doubtful)
    r.findings.push_back({"meta.agency_doubtful", Severity::Warning, FindingKind::Extraction,
                          "agency \"" + r.meta.agency_printed + "\" as read by OCR from the title is left out: " +
                              r.meta.agency_check,
                          {}});
  if (r.meta.agency_unknown_place)
    r.findings.push_back({"meta.agency_unknown_place", Severity::Warning, FindingKind::Extraction,
                          "agency \"" + r.meta.agency_printed + "\" kept as printed: " + r.meta.agency_check, {}});
  if (r.meta.agency_corrected)
    r.findings.push_back({"meta.agency_corrected", Severity::Info, FindingKind::Repair,
                          "agency read by OCR as \"" + r.meta.agency_printed + "\", corrected to \"" + r.meta.agency +
                              "\": " + r.meta.agency_check,
                          {}});
  if (doc.title_by_ocr && (!r.meta.agency.empty() || r.meta.year))
    r.findings.push_back({"meta.read_by_ocr", Severity::Info, FindingKind::Extraction,
                          (r.meta.agency.empty() ? std::string("no agency") : "agency \"" + r.meta.agency + "\"") +
                              " and year " + (r.meta.year ? std::to_string(*r.meta.year) : std::string("-")) +
                              " were read by OCR from the title \"" + doc.title +
                              "\"; a name read by OCR may hold a misread character",
                          {}});
  for (auto& note : doc.notes)
    r.findings.push_back({"reader.note", Severity::Warning, FindingKind::Extraction, note, {}});
  for (auto& f : doc.findings)
    r.findings.push_back({f.rule, f.error ? Severity::Error : Severity::Warning, FindingKind::Extraction, f.message, {}});
  if (!m.active.found && !m.requests.found && !m.review.found) {
    r.findings.push_back({"mapping.no_tables", Severity::Error, FindingKind::Extraction,
                          "no disclosure tables found (sections 二/三/四 or their rows were not recognised)", {}});
  }
  for (auto& [sec, text] : doc.section_text) r.narrative[sec] = text;
  auto eqs = identities(r.requests, r.review);
  resolve_cells(m.units, eqs, r);
  correct_from_alternatives(eqs, r);
  validate(eqs, r);
  return r;
}

Report extract_bytes(std::string_view bytes, const std::string& name, const ReadOptions& options) {
  SourceDoc doc = read_any(bytes, name, options);
  Report r = build_report(doc);
  r.source.file = name;
  r.source.sha256 = sha256_hex(bytes);
  return r;
}

std::string read_input_file(const std::string& path) {
  namespace fs = std::filesystem;
  std::error_code ec;
  auto status = fs::status(path, ec);
  if (ec || !fs::exists(status)) throw ReadError("file not found");
  if (fs::is_directory(status)) throw ReadError("is a directory");
  auto size = fs::file_size(path, ec);
  if (ec) throw ReadError("cannot read: " + ec.message());
  if (size > kMaxInputBytes) throw ReadError("file too large (" + std::to_string(size >> 20) + " MB)");
  std::ifstream in(path, std::ios::binary);
  if (!in) throw ReadError("cannot open for reading");
  std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (in.bad()) throw ReadError("read error");
  return bytes;
}

Report extract_file(const std::string& path, const ReadOptions& options) {
  return extract_bytes(read_input_file(path), std::filesystem::path(path).filename().string(), options);
}

}  // namespace gongkai
