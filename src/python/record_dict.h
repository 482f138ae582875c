// The JSON record as Python objects: dicts (keys in the record's order),
// lists, str, int, float, None — the same values json.loads gives for the
// CLI's output, without printing and parsing it.
#pragma once
#include <pybind11/pybind11.h>

#include <nlohmann/json.hpp>

namespace gongkai {

// Call with the interpreter's lock held. A number that is not finite becomes
// None, as the JSON text prints it (null).
pybind11::object to_python(const nlohmann::ordered_json& j);

}  // namespace gongkai
