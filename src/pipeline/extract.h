// The whole pipeline for one input: read → map → resolve → validate.
#pragma once
#include <string>
#include <string_view>

#include "model/record.h"
#include "model/source.h"
#include "readers/reader.h"

namespace gongkai {

// The input's identity: the sha256 of its bytes, as lowercase hex.
std::string sha256_hex(std::string_view bytes);

// From a reader's output to the finished record.
Report build_report(const SourceDoc& doc);

// From bytes; `name` is the file name for the record and a hint for choosing
// the reader. Throws ReadError when the input cannot be read at all.
// `context` keeps the OCR engines between inputs: a caller reading many
// inputs passes the same one.
Report extract_bytes(std::string_view bytes, const std::string& name, ReadContext& context);
// The same with a context of its own (models, when needed, load for this call).
Report extract_bytes(std::string_view bytes, const std::string& name, const ReadOptions& options = {});

// The bytes of an input file; throws ReadError for a missing file, a
// directory, a file too large to be a report, or a read error.
std::string read_input_file(const std::string& path);

// From a file on disk. Throws ReadError (not found, unreadable, …).
Report extract_file(const std::string& path, ReadContext& context);
Report extract_file(const std::string& path, const ReadOptions& options = {});

}  // namespace gongkai
