#include "pipeline/extract.h"

#include <openssl/evp.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "mapping/mapper.h"
#include "evidence/statements.h"
#include "mapping/meta.h"
#include "readers/registry.h"
#include "validation/identities.h"
#include "validation/ocr_correction.h"
#include "validation/repair.h"
#include "validation/validate.h"

namespace gongkai {

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

namespace {

// Files larger than this are not reports; reading them would only cost memory.
constexpr std::uintmax_t kMaxInputBytes = 512ull << 20;

// The reader's own words about the document: notes (what it did) and findings.
std::vector<Finding> reader_findings(const SourceDoc& doc) {
  std::vector<Finding> out;
  for (auto& note : doc.notes) out.push_back({"reader.note", Severity::Warning, FindingKind::Extraction, note, {}});
  for (auto& f : doc.findings)
    out.push_back({f.rule, f.error ? Severity::Error : Severity::Warning, FindingKind::Extraction, f.message, {}});
  return out;
}

void append(std::vector<Finding>& to, std::vector<Finding> more) {
  to.insert(to.end(), std::make_move_iterator(more.begin()), std::make_move_iterator(more.end()));
}

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
  append(r.findings, meta_findings(r.meta, doc.title, doc.title_by_ocr));
  append(r.findings, reader_findings(doc));
  if (!m.active.found && !m.requests.found && !m.review.found)
    r.findings.push_back({"mapping.no_tables", Severity::Error, FindingKind::Extraction,
                          "no disclosure tables found (sections 二/三/四 or their rows were not recognised)", {}});
  for (auto& [sec, text] : doc.section_text) r.narrative[sec] = text;
  r.extra_tables = doc.extra_tables;
  auto eqs = identities(r.requests, r.review);
  resolve_cells(m.units, eqs, r, narrative_statements(doc.section_text, r.meta.template_format, r.meta.year));
  correct_from_alternatives(eqs, r);
  validate(eqs, r);
  return r;
}

Report extract_bytes(std::string_view bytes, const std::string& name, ReadContext& context) {
  context.name = name;
  Report r = build_report(read_document(bytes, context));
  r.source.file = name;
  r.source.sha256 = sha256_hex(bytes);
  return r;
}

Report extract_bytes(std::string_view bytes, const std::string& name, const ReadOptions& options) {
  ReadContext context(options);
  return extract_bytes(bytes, name, context);
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

Report extract_file(const std::string& path, ReadContext& context) {
  return extract_bytes(read_input_file(path), std::filesystem::path(path).filename().string(), context);
}

Report extract_file(const std::string& path, const ReadOptions& options) {
  ReadContext context(options);
  return extract_file(path, context);
}

}  // namespace gongkai
