// gongkai._native: the binding under the package gongkai (python/gongkai/).
// Only what needs C++: reading inputs to records (the pipeline and the JSON
// writer, the CLI's own code) and the template's labels. Every read runs with
// the interpreter's lock released; the package turns an outcome's error into
// gongkai.ReadError.
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <chrono>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "python/batch.h"
#include "python/record_dict.h"
#include "readers/reader.h"
#include "template/template.h"

namespace py = pybind11;
using namespace gongkai;

namespace {

ReadOptions read_options(bool ocr, double dpi, const std::string& tessdata, const std::string& debug_dir,
                         bool scan_narrative) {
  ReadOptions o;
  o.ocr = ocr;
  o.scan_dpi = dpi;
  o.tessdata = tessdata;
  o.debug_dir = debug_dir;
  o.scan_narrative = scan_narrative;
  return o;
}

// (record, None) or (None, reason).
py::tuple outcome_tuple(const RecordOutcome& o) {
  if (o.ok()) return py::make_tuple(to_python(o.record), py::none());
  return py::make_tuple(py::none(), py::str(o.error));
}

// One ReadContext (its OCR engines load once, on the first scanned page) for
// the inputs one Python thread reads. The mutex makes a context shared between
// threads safe, if serial.
class Extractor {
 public:
  explicit Extractor(ReadOptions o) : context_(std::move(o)) {}

  py::tuple path(const std::string& path) {
    RecordOutcome o;
    {
      py::gil_scoped_release nogil;
      std::lock_guard lk(mutex_);
      o = extract_record(path, context_);
    }
    return outcome_tuple(o);
  }

  py::tuple data(const py::bytes& data, const std::string& name) {
    std::string bytes = data;  // a copy: the buffer must not change while the lock is released
    RecordOutcome o;
    {
      py::gil_scoped_release nogil;
      std::lock_guard lk(mutex_);
      o = extract_record(bytes, name, context_);
    }
    return outcome_tuple(o);
  }

 private:
  std::mutex mutex_;
  ReadContext context_;
};

// The worker pool, iterated from Python: __next__ waits without the lock.
class Batch {
 public:
  Batch(std::vector<std::string> paths, int jobs, ReadOptions o)
      : batch_(std::make_unique<RecordBatch>(std::move(paths), jobs, std::move(o))) {}
  ~Batch() {
    py::gil_scoped_release nogil;  // the workers finish their current input
    batch_.reset();
  }
  // Waits a tenth of a second at a time without the lock, looking at signals
  // in between: Ctrl-C ends a wait for a long scan with KeyboardInterrupt.
  py::tuple next() {
    std::optional<RecordOutcome> o;
    for (bool ready = false; !ready;) {
      {
        py::gil_scoped_release nogil;
        o = batch_->next_for(std::chrono::milliseconds(100), ready);
      }
      if (!ready && PyErr_CheckSignals() != 0) throw py::error_already_set();
    }
    if (!o) throw py::stop_iteration();
    return outcome_tuple(*o);
  }
  size_t size() const { return batch_->size(); }
  int jobs() const { return batch_->jobs(); }
  std::vector<double> worker_cpu_seconds() { return batch_->worker_cpu_seconds(); }

 private:
  std::unique_ptr<RecordBatch> batch_;
};

const TableSpec& table_spec(const std::string& table, const std::string& variant) {
  if (table == "active") return active_table(variant);
  if (table == "requests") return requests_table(variant);
  if (table == "review_litigation") return review_table();
  throw py::value_error("unknown table '" + table + "' (active, requests, review_litigation)");
}

// The template's rows of one table: key, Chinese label, the headings above
// the row, and the columns (key, label, kind).
py::list template_rows(const std::string& table, const std::string& variant) {
  py::list rows;
  for (const RowSpec& r : table_spec(table, variant).rows) {
    py::list cols;
    for (const ColumnSpec& c : r.columns) {
      const char* kind = c.kind == ColumnKind::Money ? "money" : c.kind == ColumnKind::SignedCount ? "signed" : "count";
      cols.append(py::dict(py::arg("key") = c.key, py::arg("label") = c.label, py::arg("kind") = kind));
    }
    rows.append(py::dict(py::arg("key") = r.key, py::arg("label") = r.label, py::arg("path") = py::cast(r.path),
                         py::arg("columns") = cols));
  }
  return rows;
}

void bind_readers(py::module_& m) {
  py::class_<Extractor>(m, "Extractor", "One ReadContext: the options and the OCR engines of one thread's reads.")
      .def(py::init([](bool ocr, double dpi, const std::string& tessdata, const std::string& debug_dir,
                       bool scan_narrative) {
             return std::make_unique<Extractor>(read_options(ocr, dpi, tessdata, debug_dir, scan_narrative));
           }),
           py::arg("ocr"), py::arg("dpi"), py::arg("tessdata"), py::arg("debug_dir"), py::arg("scan_narrative"))
      .def("path", &Extractor::path, py::arg("path"), "(record, None) or (None, reason) for a file")
      .def("data", &Extractor::data, py::arg("data"), py::arg("name"), "(record, None) or (None, reason) for bytes");
  py::class_<Batch>(m, "Batch", "Inputs read by worker threads, outcomes in input order.")
      .def(py::init([](std::vector<std::string> paths, int jobs, bool ocr, double dpi, const std::string& tessdata,
                       const std::string& debug_dir, bool scan_narrative) {
             return std::make_unique<Batch>(std::move(paths), jobs,
                                            read_options(ocr, dpi, tessdata, debug_dir, scan_narrative));
           }),
           py::arg("paths"), py::arg("jobs"), py::arg("ocr"), py::arg("dpi"), py::arg("tessdata"),
           py::arg("debug_dir"), py::arg("scan_narrative"))
      .def("__iter__", [](py::object self) { return self; })
      .def("__next__", &Batch::next)
      .def("__len__", &Batch::size)
      .def_property_readonly("jobs", &Batch::jobs)
      .def_property_readonly("worker_cpu_seconds", &Batch::worker_cpu_seconds,
                             "CPU seconds each worker thread has used so far (for tools/bench_python.py)");
}

}  // namespace

PYBIND11_MODULE(_native, m) {
  m.doc() = "gongkai's C++ pipeline (use the package gongkai, not this module)";
  m.attr("__version__") = GONGKAI_VERSION;
  bind_readers(m);
  m.def("template_rows", &template_rows, py::arg("table"), py::arg("variant"),
        "The template's rows of a table ('active', 'requests', 'review_litigation') in a variant ('2021', '2019')");
}
