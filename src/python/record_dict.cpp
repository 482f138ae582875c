#include "python/record_dict.h"

#include <cmath>
#include <cstdint>
#include <string>
#include <unordered_map>

namespace py = pybind11;

namespace gongkai {

namespace {

// Built with the C API directly, and each distinct key made once per record
// (a record repeats some twenty keys in every one of its ~200 cells). A
// record of 200 cells takes about 0.13 ms here (perf: the interpreter's share
// of a loop of extract calls), less than json.loads of the CLI's text of the
// same record (0.19 ms); the read itself takes 2.3 ms (tools/bench_python.py).
class Converter {
 public:
  ~Converter() {
    for (auto& [k, o] : keys_) Py_DECREF(o);
  }

  PyObject* value(const nlohmann::ordered_json& j) {
    using T = nlohmann::ordered_json::value_t;
    switch (j.type()) {
      case T::boolean: return Py_NewRef(j.get<bool>() ? Py_True : Py_False);
      case T::number_integer: return PyLong_FromLongLong(j.get<std::int64_t>());
      case T::number_unsigned: return PyLong_FromUnsignedLongLong(j.get<std::uint64_t>());
      case T::number_float: {
        // Not finite: the JSON text prints null.
        double d = j.get<double>();
        return std::isfinite(d) ? PyFloat_FromDouble(d) : Py_NewRef(Py_None);
      }
      case T::string: return utf8(j.get_ref<const std::string&>());
      case T::array: return array(j);
      case T::object: return object(j);
      case T::null:
      case T::binary:
      case T::discarded: break;
    }
    return Py_NewRef(Py_None);
  }

 private:
  // Text the record holds is UTF-8 from the decoders; a stray invalid byte
  // becomes U+FFFD rather than an exception halfway through a record.
  static PyObject* utf8(const std::string& s) {
    return PyUnicode_DecodeUTF8(s.data(), static_cast<Py_ssize_t>(s.size()), "replace");
  }

  PyObject* key(const std::string& k) {
    auto it = keys_.find(k);
    if (it != keys_.end()) return it->second;
    PyObject* o = utf8(k);
    if (!o) return nullptr;
    PyUnicode_InternInPlace(&o);
    keys_.emplace(k, o);
    return o;
  }

  PyObject* array(const nlohmann::ordered_json& j) {
    PyObject* out = PyList_New(static_cast<Py_ssize_t>(j.size()));
    if (!out) return nullptr;
    Py_ssize_t i = 0;
    for (const auto& e : j) {
      PyObject* v = value(e);
      if (!v) {
        Py_DECREF(out);
        return nullptr;
      }
      PyList_SET_ITEM(out, i++, v);  // steals v
    }
    return out;
  }

  PyObject* object(const nlohmann::ordered_json& j) {
    PyObject* out = PyDict_New();
    if (!out) return nullptr;
    for (const auto& [k, e] : j.items()) {
      PyObject* name = key(k);
      PyObject* v = name ? value(e) : nullptr;
      if (!v || PyDict_SetItem(out, name, v) != 0) {
        Py_XDECREF(v);
        Py_DECREF(out);
        return nullptr;
      }
      Py_DECREF(v);
    }
    return out;
  }

  std::unordered_map<std::string, PyObject*> keys_;
};

}  // namespace

py::object to_python(const nlohmann::ordered_json& j) {
  PyObject* o = Converter().value(j);
  if (!o) throw py::error_already_set();
  return py::reinterpret_steal<py::object>(o);
}

}  // namespace gongkai
