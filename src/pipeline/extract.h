// The whole pipeline for one input: read → map → repair → validate.
#pragma once
#include <string>
#include <string_view>

#include "model/record.h"
#include "readers/reader.h"
#include "model/source.h"

namespace gongkai {

// From a reader's output to the finished record.
Report build_report(const SourceDoc& doc);

// From bytes (file name for the record and as a reader hint). Throws
// ReadError when the input cannot be read at all.
Report extract_bytes(std::string_view bytes, const std::string& name, const ReadOptions& options = {});

// From a file on disk. Throws ReadError (not found, unreadable, …).
// The bytes of an input file; throws ReadError for a missing file, a
// directory, a file too large to be a report, or a read error.
std::string read_input_file(const std::string& path);

Report extract_file(const std::string& path, const ReadOptions& options = {});

}  // namespace gongkai
