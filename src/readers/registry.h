// The list of readers, and the choice of one for an input.
#pragma once
#include <string_view>
#include <vector>

#include "readers/reader.h"

namespace gongkai {

// Every reader, in the order that breaks a tie between equally sure sniffs.
const std::vector<const Reader*>& registered_readers();

// The reader whose sniff is surest for these bytes (the text reader is the
// fallback: it accepts anything and refuses binary data when reading).
const Reader& reader_for(std::string_view bytes, std::string_view name);

// reader_for(bytes, context.name).read(bytes, context).
SourceDoc read_document(std::string_view bytes, ReadContext& context);

}  // namespace gongkai
