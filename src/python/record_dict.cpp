#include "python/record_dict.h"

#include <cmath>
#include <cstdint>

namespace py = pybind11;

namespace gongkai {

namespace {

// Text the record holds is UTF-8 from the decoders; a stray invalid byte
// becomes U+FFFD rather than an exception halfway through a record.
py::object utf8(const std::string& s) {
  PyObject* o = PyUnicode_DecodeUTF8(s.data(), static_cast<Py_ssize_t>(s.size()), "replace");
  if (!o) throw py::error_already_set();
  return py::reinterpret_steal<py::object>(o);
}

}  // namespace

py::object to_python(const nlohmann::ordered_json& j) {
  using T = nlohmann::ordered_json::value_t;
  switch (j.type()) {
    case T::boolean: return py::bool_(j.get<bool>());
    case T::number_integer: return py::int_(j.get<std::int64_t>());
    case T::number_unsigned: return py::int_(j.get<std::uint64_t>());
    case T::number_float: {
      double d = j.get<double>();
      return std::isfinite(d) ? py::object(py::float_(d)) : py::object(py::none());
    }
    case T::string: return utf8(j.get_ref<const std::string&>());
    case T::array: {
      py::list out(j.size());
      size_t i = 0;
      for (const auto& e : j) out[i++] = to_python(e);
      return out;
    }
    case T::object: {
      py::dict out;
      for (const auto& [k, v] : j.items()) out[utf8(k)] = to_python(v);
      return out;
    }
    case T::null:
    case T::binary:
    case T::discarded: break;
  }
  return py::none();
}

}  // namespace gongkai
